using Kiosk.Host.Input;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Host.Tests.Input;

/// <summary>
/// The hot-plugging keyboard input against a temp folder standing in for /dev/input: named pipes as devices,
/// real inotify (FileSystemWatcher) for arrivals, real blocking reads. Only the capability ioctl is replaced
/// (pipes have no key bitmap): a pipe named <c>event*</c> counts as a keyboard unless its name says mouse.
/// </summary>
public sealed class KeyboardsSourceTests : IDisposable
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(1_750_000_000);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly TempDir _dir = new();
    private readonly RecordingSink _sink = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _fifos = [];

    private KeyboardsSource NewSource(string? folder = null, TimeProvider? time = null) => new(
        new EvdevKeyOptions { DeviceDirectory = folder ?? _dir.Path },
        _sink,
        time ?? TimeProvider.System,
        EvdevKeySource.OpenDevice,
        path => Path.GetFileName(path).Contains("mouse", StringComparison.Ordinal) ? null : "fake remote " + Path.GetFileName(path),
        NullLogger.Instance);

    private string Device(string name)
    {
        string path = _dir.File(name);
        Fifo.Create(path);
        _fifos.Add(path);
        return path;
    }

    private static byte[] Taps(params ushort[] codes)
    {
        var script = new KeyboardScript(Start);
        foreach (ushort code in codes)
        {
            script.Tap(code).Wait(120);
        }

        return InputEventEncoder.Encode(script.Events);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met before the guard");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Two_devices_pressed_at_once_both_count_each_in_its_own_order()
    {
        string remote = Device("event4");
        string keyboard = Device("event7");
        var source = NewSource();
        Task run = source.RunAsync(_stop.Token);

        await using var remoteWriter = await Fifo.OpenWriter(remote).WaitAsync(Guard);
        await using var keyboardWriter = await Fifo.OpenWriter(keyboard).WaitAsync(Guard);

        // Two recorded streams written at the same moment from two threads: a remote's presenter keys and a
        // keyboard's arrows, so each device's commands can be picked out of the one queue.
        byte[] fromRemote = Taps(LinuxInput.KeyPageDown, LinuxInput.KeyPageDown, LinuxInput.KeyB, LinuxInput.KeyB, LinuxInput.KeyPageUp);
        byte[] fromKeyboard = Taps(LinuxInput.KeyRight, LinuxInput.KeyEnter, LinuxInput.KeyLeft, LinuxInput.KeyEsc);
        await Task.WhenAll(
            Task.Run(() => remoteWriter.Write(fromRemote)),
            Task.Run(() => keyboardWriter.Write(fromKeyboard)));
        await _sink.WaitForCount(9);

        Assert.Equal(9, _sink.Presses.Count);
        Assert.Equal(
            [NavCommand.Next, NavCommand.Next, NavCommand.Blank, NavCommand.Blank, NavCommand.Previous],
            _sink.Presses.Where(p => p.Presenter).Select(p => p.Command));
        Assert.Equal(
            [NavCommand.Next, NavCommand.Select, NavCommand.Previous, NavCommand.Back],
            _sink.Presses.Where(p => !p.Presenter).Select(p => p.Command));
        Assert.Equal(2, source.Devices.Count);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Presses_on_two_devices_count_in_the_order_they_were_made()
    {
        string a = Device("event1");
        string b = Device("event2");
        Task run = NewSource().RunAsync(_stop.Token);
        await using var writerA = await Fifo.OpenWriter(a).WaitAsync(Guard);
        await using var writerB = await Fifo.OpenWriter(b).WaitAsync(Guard);

        // Alternating presses, each made once the one before has been read: the queue holds them in that order.
        (FileStream Writer, ushort Key, NavCommand Command)[] presses =
        [
            (writerA, LinuxInput.KeyPageDown, NavCommand.Next), (writerB, LinuxInput.Key2, NavCommand.Case2),
            (writerA, LinuxInput.KeyF5, NavCommand.FirstPhase), (writerB, LinuxInput.KeyPageUp, NavCommand.Previous),
            (writerB, LinuxInput.KeyDot, NavCommand.Blank), (writerA, LinuxInput.KeyDot, NavCommand.Blank),
        ];
        for (int i = 0; i < presses.Length; i++)
        {
            presses[i].Writer.Write(Taps(presses[i].Key));
            await _sink.WaitForCount(i + 1);
        }

        Assert.Equal(presses.Select(p => p.Command), _sink.Commands);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task A_device_plugged_in_after_start_is_read_and_one_that_comes_back_is_read_again()
    {
        var source = NewSource();
        Task run = source.RunAsync(_stop.Token);
        await WaitUntil(() => source.Watching);
        Assert.Empty(source.Devices);

        // Plugged in after start: inotify sees the node appear.
        string remote = Device("event9");
        await using (var writer = await Fifo.OpenWriter(remote).WaitAsync(Guard))
        {
            writer.Write(Taps(LinuxInput.KeyPageDown));
            await _sink.WaitForCount(1);
            Assert.Equal([remote], source.Devices);
        }

        // Unplugged: the stream ends and the node goes; the source carries on without it.
        File.Delete(remote);
        await WaitUntil(() => source.Devices.Count == 0);
        Assert.False(run.IsCompleted);

        // Plugged back in under the same name: read again, no restart.
        Fifo.Create(remote);
        await using (var writer = await Fifo.OpenWriter(remote).WaitAsync(Guard))
        {
            writer.Write(Taps(LinuxInput.KeyB, LinuxInput.KeyPageDown));
            await _sink.WaitForCount(3);
        }

        Assert.Equal([NavCommand.Next, NavCommand.Blank, NavCommand.Next], _sink.Commands);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task A_device_that_comes_back_before_its_old_reader_noticed_is_still_read_again()
    {
        var source = NewSource();
        string remote = Device("event3");
        Task run = source.RunAsync(_stop.Token);
        var writer = await Fifo.OpenWriter(remote).WaitAsync(Guard);

        // The node is replaced while the old opening is still live (its writer not yet closed).
        File.Delete(remote);
        Fifo.Create(remote);
        await writer.DisposeAsync();

        await using var again = await Fifo.OpenWriter(remote).WaitAsync(Guard);
        again.Write(Taps(LinuxInput.KeyPageUp));
        await _sink.WaitForCount(1);

        Assert.Equal([NavCommand.Previous], _sink.Commands);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task A_device_without_mapped_keys_is_left_alone()
    {
        File.WriteAllBytes(_dir.File("event5-mouse"), Taps(LinuxInput.KeyPageDown));
        File.WriteAllBytes(_dir.File("mice"), Taps(LinuxInput.KeyPageDown));
        string remote = Device("event6");
        var source = NewSource();
        Task run = source.RunAsync(_stop.Token);

        await using var writer = await Fifo.OpenWriter(remote).WaitAsync(Guard);
        writer.Write(Taps(LinuxInput.KeyPageDown));
        await _sink.WaitForCount(1);

        Assert.Equal([remote], source.Devices);
        Assert.Equal([NavCommand.Next], _sink.Commands);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task A_device_folder_that_appears_later_is_watched_from_then_on()
    {
        var clock = new FakeTimeProvider();
        string folder = _dir.Combine("input");
        var source = NewSource(folder, clock);
        Task run = source.RunAsync(_stop.Token);

        Directory.CreateDirectory(folder);
        string remote = Path.Combine(folder, "event0");
        Fifo.Create(remote);
        _fifos.Add(remote);
        clock.Advance(TimeSpan.FromSeconds(2));

        await using var writer = await Fifo.OpenWriter(remote).WaitAsync(Guard);
        writer.Write(Taps(LinuxInput.KeyPageDown));
        await _sink.WaitForCount(1);

        Assert.Equal([NavCommand.Next], _sink.Commands);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Cancellation_ends_the_source_while_devices_are_quiet()
    {
        string remote = Device("event2");
        var source = NewSource();
        Task run = source.RunAsync(_stop.Token);
        await using var writer = await Fifo.OpenWriter(remote).WaitAsync(Guard);
        await WaitUntil(() => source.Devices.Count == 1);

        _stop.Cancel();

        await run.WaitAsync(Guard);
        Assert.True(run.IsCompletedSuccessfully);
    }

    public void Dispose()
    {
        _stop.Cancel();

        // Readers still waiting for a writer (a pipe opened but never written) are let go, so no thread stays blocked.
        foreach (string fifo in _fifos.Where(File.Exists))
        {
            Fifo.ReleaseWaitingReader(fifo);
        }

        _stop.Dispose();
        _dir.Dispose();
    }
}
