using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

public class EvdevSessionFixtureTests
{
    /// <summary>
    /// The committed recording is exactly what the generator writes. To change the session, edit
    /// <see cref="EvdevSessionFixture"/> and run this test once with KIOSK_REGENERATE_FIXTURES=1.
    /// </summary>
    [Fact]
    public void Committed_recording_matches_its_generator()
    {
        byte[] generated = EvdevSessionFixture.Bytes();
        if (Environment.GetEnvironmentVariable("KIOSK_REGENERATE_FIXTURES") == "1")
        {
            File.WriteAllBytes(EvdevSessionFixture.Path, generated);
        }

        byte[] committed = File.ReadAllBytes(EvdevSessionFixture.Path);

        Assert.Equal(generated.Length, committed.Length);
        Assert.Equal(EvdevSessionFixture.TruncatedTail, committed.Length % LinuxInput.EventSize64);
        Assert.True(generated.AsSpan().SequenceEqual(committed), "Data/evdev-session.bin differs from EvdevSessionFixture.Bytes()");
    }

    [Fact]
    public void Recording_decodes_to_the_intended_commands()
    {
        var sink = new RecordingSink();
        var decoder = new EvdevKeyDecoder(new EvdevKeyOptions(), sink);
        using FileStream file = File.OpenRead(EvdevSessionFixture.Path);
        var reader = new InputEventReader(file);
        int events = 0;

        while (reader.TryRead(out InputEvent inputEvent))
        {
            decoder.OnEvent(inputEvent);
            events++;
        }

        Assert.Equal(EvdevSessionFixture.Events().Count, events);
        Assert.Equal(EvdevSessionFixture.TruncatedTail, reader.TruncatedBytes);
        Assert.Equal(EvdevSessionFixture.Expected, sink.Commands);
    }
}
