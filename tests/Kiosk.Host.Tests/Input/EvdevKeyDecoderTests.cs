using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

public class EvdevKeyDecoderTests
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(1_750_000_000);

    private static IReadOnlyList<NavCommand> Decode(IEnumerable<InputEvent> events, EvdevKeyOptions? options = null)
    {
        var sink = new RecordingSink();
        var decoder = new EvdevKeyDecoder(options ?? new EvdevKeyOptions(), sink);
        foreach (InputEvent e in events)
        {
            decoder.OnEvent(e);
        }

        return sink.Commands;
    }

    [Theory]
    [InlineData(LinuxInput.KeyRight, NavCommand.Next)]
    [InlineData(LinuxInput.KeyDown, NavCommand.Next)]
    [InlineData(LinuxInput.KeySpace, NavCommand.Next)]
    [InlineData(LinuxInput.KeyLeft, NavCommand.Previous)]
    [InlineData(LinuxInput.KeyUp, NavCommand.Previous)]
    [InlineData(LinuxInput.KeyEnter, NavCommand.Select)]
    [InlineData(LinuxInput.KeyBackspace, NavCommand.Back)]
    [InlineData(LinuxInput.KeyEsc, NavCommand.Back)]
    [InlineData(LinuxInput.KeyHome, NavCommand.Home)]
    [InlineData(LinuxInput.KeyH, NavCommand.Home)]
    public void Default_keys_map_to_their_commands(ushort code, NavCommand expected)
    {
        Assert.Equal([expected], Decode(new KeyboardScript(Start).Tap(code).Events));
    }

    [Fact]
    public void Press_posts_at_once_and_release_and_autorepeat_post_nothing()
    {
        var script = new KeyboardScript(Start).Key(LinuxInput.KeyRight, LinuxInput.KeyPressed);
        Assert.Equal([NavCommand.Next], Decode(script.Events));

        script.Wait(300).Key(LinuxInput.KeyRight, LinuxInput.KeyAutorepeat).Wait(33).Key(LinuxInput.KeyRight, LinuxInput.KeyAutorepeat)
            .Wait(10).Key(LinuxInput.KeyRight, LinuxInput.KeyReleased);
        Assert.Equal([NavCommand.Next], Decode(script.Events));
    }

    [Fact]
    public void Unknown_keys_and_other_event_types_are_ignored()
    {
        InputEvent[] events =
        [
            new(Start, LinuxInput.EvKey, LinuxInput.KeyA, 1),
            new(Start, LinuxInput.EvKey, 0x2ff, 1),
            new(Start, LinuxInput.EvKey, ushort.MaxValue, 1), // beyond KEY_MAX
            new(Start, LinuxInput.EvMsc, LinuxInput.KeyRight, 1),
            new(Start, 3 /* EV_ABS */, LinuxInput.KeyEnter, 1),
        ];

        Assert.Empty(Decode(events));
    }

    [Fact]
    public void Held_Home_posts_HomeLong_at_the_first_event_past_the_threshold_and_nothing_on_release()
    {
        var sink = new RecordingSink();
        var decoder = new EvdevKeyDecoder(new EvdevKeyOptions(), sink);
        IReadOnlyList<InputEvent> events = new KeyboardScript(Start).Tap(LinuxInput.KeyHome, holdMilliseconds: 2000).Events;
        TimeSpan threshold = Start + TimeSpan.FromMilliseconds(800);

        foreach (InputEvent e in events.TakeWhile(e => e.Timestamp < threshold))
        {
            decoder.OnEvent(e);
        }

        Assert.Empty(sink.Commands);

        InputEvent firstPast = events.First(e => e.Timestamp >= threshold);
        Assert.Equal(LinuxInput.KeyAutorepeat, firstPast.Value);
        decoder.OnEvent(firstPast);
        Assert.Equal([NavCommand.HomeLong], sink.Commands);

        foreach (InputEvent e in events.SkipWhile(e => e != firstPast).Skip(1))
        {
            decoder.OnEvent(e);
        }

        Assert.Equal([NavCommand.HomeLong], sink.Commands);
    }

    [Fact]
    public void Long_Home_on_a_device_without_autorepeat_is_recognised_at_release()
    {
        var script = new KeyboardScript(Start).Tap(LinuxInput.KeyHome, holdMilliseconds: 1200, autorepeat: false);

        Assert.Equal([NavCommand.HomeLong], Decode(script.Events));
    }

    [Fact]
    public void Home_just_under_the_threshold_is_short()
    {
        var script = new KeyboardScript(Start).Tap(LinuxInput.KeyHome, holdMilliseconds: 799);

        Assert.Equal([NavCommand.Home], Decode(script.Events));
    }

    [Fact]
    public void Other_keys_during_a_Home_hold_do_not_end_it()
    {
        var script = new KeyboardScript(Start)
            .Key(LinuxInput.KeyHome, LinuxInput.KeyPressed).Wait(100)
            .Key(LinuxInput.KeyH, LinuxInput.KeyPressed).Wait(50)
            .Key(LinuxInput.KeyH, LinuxInput.KeyReleased).Wait(50)
            .Tap(LinuxInput.KeyRight).Wait(100)
            .Key(LinuxInput.KeyHome, LinuxInput.KeyReleased);

        Assert.Equal([NavCommand.Next, NavCommand.Home], Decode(script.Events));
    }

    [Fact]
    public void Key_map_and_long_press_come_from_the_options()
    {
        var options = new EvdevKeyOptions
        {
            Keys = new() { [LinuxInput.KeyA] = NavCommand.Select, [LinuxInput.KeyEnter] = NavCommand.Home },
            LongPress = TimeSpan.FromMilliseconds(300),
        };
        var script = new KeyboardScript(Start).Tap(LinuxInput.KeyA).Wait(100).Tap(LinuxInput.KeyRight).Wait(100)
            .Tap(LinuxInput.KeyEnter, holdMilliseconds: 400, autorepeat: false);

        Assert.Equal([NavCommand.Select, NavCommand.HomeLong], Decode(script.Events, options));
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_key()
    {
        var options = new EvdevKeyOptions { Keys = new() { [0x300] = NavCommand.Next, [30] = NavCommand.HomeLong } };

        var error = Assert.Throws<ArgumentException>(() => new EvdevKeyDecoder(options, new RecordingSink()));

        Assert.Contains("Keys:768", error.Message, StringComparison.Ordinal);
        Assert.Contains("Keys:30", error.Message, StringComparison.Ordinal);
    }
}
