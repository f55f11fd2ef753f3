using Kiosk.Host.Push;

namespace Kiosk.Host.Tests.Push;

public sealed class PushTargetTests
{
    [Theory]
    [InlineData("pi@kiosk-1", "pi@kiosk-1", null)]
    [InlineData("pi@10.0.0.5:2222", "pi@10.0.0.5", 2222)]
    [InlineData("kiosk-hall-b", "kiosk-hall-b", null)]
    [InlineData("kiosk-hall-b:22", "kiosk-hall-b", 22)]
    [InlineData("fe80::1", "fe80::1", null)]
    [InlineData("pi@[::1]:2222", "pi@::1", 2222)]
    [InlineData("pi@[fe80::1%eth0]", "pi@fe80::1%eth0", null)]
    [InlineData("[2001:db8::5]:22", "2001:db8::5", 22)]
    public void Hosts_become_an_ssh_destination_and_a_port(string text, string destination, int? port)
    {
        var target = PushTarget.TryParse(text, out string? error);

        Assert.Null(error);
        Assert.Equal(new PushTarget(text, destination, port), target);
    }

    [Theory]
    [InlineData("-oProxyCommand=touch /tmp/x", "may not start with '-'")]
    [InlineData("-p", "may not start with '-'")]
    [InlineData("pi@host:99999", "not a port")]
    [InlineData("pi@host:ssh", "not a port")]
    [InlineData("pi@:22", "not a port")]
    [InlineData("pi@host name", "not a host")]
    [InlineData("pi@[::1]:0", "not a port")]
    [InlineData("pi@[::1]2222", "bracketed address")]
    [InlineData("pi@[::1", "bracketed address")]
    [InlineData("pi@[]:22", "bracketed address")]
    [InlineData("", "not a host")]
    public void What_ssh_would_misread_is_refused(string text, string reason)
    {
        Assert.Null(PushTarget.TryParse(text, out string? error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Batch_mode_comes_before_the_users_options_and_the_port_before_the_destination()
    {
        var args = SshCommandLine.For(new PushTarget("pi@h:2200", "pi@h", 2200), ["BatchMode=no", "ConnectTimeout=5"]);

        // ssh keeps the first value of an option: BatchMode=yes must win, the user's ConnectTimeout must win.
        Assert.True(args.ToList().IndexOf("BatchMode=yes") < args.ToList().IndexOf("BatchMode=no"));
        Assert.True(args.ToList().IndexOf("ConnectTimeout=5") < args.ToList().IndexOf("ConnectTimeout=20"));
        Assert.Equal(["-p", "2200", "pi@h", "kiosk pack receive"], args.TakeLast(4));
    }
}
