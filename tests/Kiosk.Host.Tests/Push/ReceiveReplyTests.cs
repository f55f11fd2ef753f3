using Kiosk.Host.Push;

namespace Kiosk.Host.Tests.Push;

public sealed class ReceiveReplyTests
{
    [Fact]
    public void The_last_json_line_is_the_reply_even_after_a_banner()
    {
        string stdout = "Welcome to the museum network\n{\"ok\":true,\"pack_id\":\"cases\",\"version\":\"2.0\",\"sha256\":\"ab\",\"seconds\":0.4}\n";

        Assert.Equal(new ReceiveReply(true, "cases", "2.0", "ab", null), ReceiveReply.FindIn(stdout));
    }

    [Fact]
    public void A_refusal_carries_its_error()
    {
        var reply = ReceiveReply.FindIn("{\"ok\":false,\"error\":\"stdin: too large\"}\n");

        Assert.Equal(new ReceiveReply(false, null, null, null, "stdin: too large"), reply);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bash: kiosk: command not found\n")]
    [InlineData("{\"pack_id\":\"no ok field\"}\n")]
    [InlineData("{not json\n")]
    public void Output_without_a_reply_gives_none(string stdout)
    {
        Assert.Null(ReceiveReply.FindIn(stdout));
    }
}
