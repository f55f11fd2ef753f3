using Microsoft.Extensions.Time.Testing;
using Kiosk.Host.Input;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Input;

public class EvdevKeySourceTests
{
    // Only a guard against a hang; every wait below completes as soon as the work is done.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reads_the_device_until_its_stream_ends()
    {
        var sink = new RecordingSink();
        var options = new EvdevKeyOptions { DevicePath = EvdevSessionFixture.Path };
        var source = new EvdevKeySource(options, sink, FakeClock.Create(), EvdevKeySource.OpenDevice);

        await source.RunAsync(CancellationToken.None).WaitAsync(Guard);

        Assert.Equal("evdev:" + EvdevSessionFixture.Path, source.Name);
        Assert.Equal(EvdevSessionFixture.Expected, sink.Commands);
    }

    [Fact]
    public async Task Device_that_fails_to_open_is_tried_again_after_the_reopen_delay()
    {
        var clock = FakeClock.Create();
        var sink = new RecordingSink();
        int opens = 0;
        var options = new EvdevKeyOptions { DevicePath = "/dev/input/by-id/usb-arcade-event-kbd", ReopenDelay = TimeSpan.FromSeconds(2) };
        var source = new EvdevKeySource(options, sink, clock, path =>
        {
            Assert.Equal(options.DevicePath, path);
            return ++opens == 1 ? throw new FileNotFoundException("unplugged", path) : new MemoryStream(EvdevSessionFixture.Bytes());
        });

        Task run = source.RunAsync(CancellationToken.None);

        Assert.Equal(1, opens);
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(1, opens);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        await run.WaitAsync(Guard);

        Assert.Equal(2, opens);
        Assert.Equal(EvdevSessionFixture.Expected, sink.Commands);
    }

    [Fact]
    public async Task Device_that_fails_while_reading_is_opened_again_with_a_fresh_decoder()
    {
        var clock = new TimerCountingClock();
        var sink = new RecordingSink();
        byte[] session = EvdevSessionFixture.Bytes();
        int opens = 0;
        var options = new EvdevKeyOptions { DevicePath = "/dev/input/event3" };
        var source = new EvdevKeySource(options, sink, clock, _ =>
            ++opens == 1 ? new FailingStream(session, failAfter: 3 * LinuxInput.EventSize64) : new MemoryStream(session));

        Task run = source.RunAsync(CancellationToken.None);
        await WaitUntil(() => clock.ArmedTimers == 1);
        clock.Advance(options.ReopenDelay);
        await run.WaitAsync(Guard);

        // The first opening delivered KEY_RIGHT's press (scan, key, syn) and then failed.
        Assert.Equal(2, opens);
        Assert.Equal([EvdevSessionFixture.Expected[0], .. EvdevSessionFixture.Expected], sink.Commands);
    }

    [Fact]
    public async Task Cancellation_returns_while_the_device_is_quiet()
    {
        using var quiet = new QuietStream();
        using var cts = new CancellationTokenSource();
        var source = new EvdevKeySource(new EvdevKeyOptions(), new RecordingSink(), FakeClock.Create(), _ => quiet);

        Task run = source.RunAsync(cts.Token);
        await WaitUntil(() => quiet.Reading);
        cts.Cancel();

        await run.WaitAsync(Guard);
        Assert.True(run.IsCompletedSuccessfully);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!condition())
        {
            await Task.Delay(1, guard.Token);
        }
    }

    /// <summary>A device unplugged after <paramref name="failAfter"/> bytes.</summary>
    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            int left = failAfter - (int)Position;
            return left > 0 ? base.Read(buffer, offset, Math.Min(count, left)) : throw new IOException("No such device");
        }
    }

    /// <summary>A device nobody touches: a read blocks until the stream is disposed.</summary>
    private sealed class QuietStream : Stream
    {
        private readonly ManualResetEventSlim _closed = new();
        private volatile bool _reading;

        public bool Reading => _reading;

        public override int Read(byte[] buffer, int offset, int count)
        {
            _reading = true;
            _closed.Wait();
            return 0;
        }

        protected override void Dispose(bool disposing)
        {
            _closed.Set();
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
