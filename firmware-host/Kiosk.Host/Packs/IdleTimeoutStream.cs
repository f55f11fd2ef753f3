namespace Kiosk.Host.Packs;

/// <summary>
/// Reads from a stream that may stall (stdin from an ssh session whose network went away) and gives up with an
/// <see cref="IOException"/> after a read has waited longer than the idle timeout, so the installer releases the
/// store lock instead of holding it until the connection dies. Each read runs off the caller's thread because a
/// pipe read cannot be cancelled; one abandoned read is left behind in a process that is about to exit.
/// </summary>
internal sealed class IdleTimeoutStream(Stream inner, TimeSpan idle) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        // The abandoned read must not write into the caller's buffer later: it reads into its own.
        byte[] own = new byte[count];
        var read = Task.Run(() => inner.Read(own, 0, count));
        if (!read.Wait(idle))
        {
            throw new IOException($"no data for {idle.TotalSeconds:0} s: the connection stalled");
        }

        int n = read.Result;
        Array.Copy(own, 0, buffer, offset, n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
