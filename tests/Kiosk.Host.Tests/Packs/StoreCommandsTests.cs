using Microsoft.Extensions.Time.Testing;
using System.CommandLine;
using System.Runtime.Versioning;
using System.Text.Json;
using Kiosk.Content.Packing;
using Kiosk.Host.Cli;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Packs;

public sealed class StoreCommandsTests(TestPacks packs) : IClassFixture<TestPacks>, IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private string Root => _dir.Combine("store");

    private string NoKeys => _dir.Combine("no-keys");

    public void Dispose()
    {
        _dir.Dispose();
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public void Receive_installs_a_pack_from_stdin_and_prints_one_json_line()
    {
        string pack = packs.Pack("1.0.0");

        int exit = Receive(File.ReadAllBytes(pack));

        Assert.Equal(ExitCodes.Ok, exit);
        using var line = SingleJsonLine();
        var json = line.RootElement;
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal("store-test-pack", json.GetProperty("pack_id").GetString());
        Assert.Equal("1.0.0", json.GetProperty("version").GetString());
        Assert.Equal(PackStoreTests.Sha256Of(pack), json.GetProperty("sha256").GetString());
        Assert.True(json.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal(PackStoreTests.Sha256Of(pack), new FileInfo(Path.Combine(Root, "current")).LinkTarget);
    }

    [Fact]
    public void Receive_refuses_a_pack_over_max_bytes_and_keeps_current()
    {
        Assert.Equal(ExitCodes.Ok, Receive(File.ReadAllBytes(packs.Pack("1.0.0"))));
        _out.GetStringBuilder().Clear();
        byte[] bigger = File.ReadAllBytes(packs.Pack("1.1.0"));

        int exit = Receive(bigger, "--max-bytes", (bigger.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.Refused, exit);
        using var line = SingleJsonLine();
        Assert.False(line.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains("too large", line.RootElement.GetProperty("error").GetString());
        Assert.Equal(PackStoreTests.Sha256Of(packs.Pack("1.0.0")), new FileInfo(Path.Combine(Root, "current")).LinkTarget);
    }

    [Fact]
    public void Receive_refuses_bytes_that_are_not_a_pack()
    {
        int exit = Receive("not a zip at all"u8.ToArray());

        Assert.Equal(ExitCodes.Refused, exit);
        using var line = SingleJsonLine();
        Assert.Contains("not a readable zip archive", line.RootElement.GetProperty("error").GetString());
        Assert.False(File.Exists(Path.Combine(Root, "current")));
    }

    [Fact]
    public void Receive_with_a_max_bytes_that_is_not_positive_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, Receive([], "--max-bytes", "0"));
    }

    [Fact]
    public void Install_list_and_rollback_from_the_command_line()
    {
        Assert.Equal(ExitCodes.Ok, Kiosk("pack", "install", packs.Pack("1.0.0"), "--store", Root, "--trusted-keys", NoKeys));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ExitCodes.Ok, Kiosk("pack", "install", packs.Pack("1.1.0"), "--store", Root, "--trusted-keys", NoKeys));
        Assert.Contains("installed store-test-pack 1.1.0", _out.ToString());
        _out.GetStringBuilder().Clear();

        Assert.Equal(ExitCodes.Ok, Kiosk("pack", "list", "--store", Root));
        string[] table = _out.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, table.Length);
        Assert.StartsWith($"* {PackStoreTests.Sha256Of(packs.Pack("1.1.0"))[..12]}", table[1]);
        Assert.Contains("1.1.0", table[1]);
        Assert.Contains("2025-06-01 12:05:00Z", table[1]);
        Assert.StartsWith("  ", table[2]);
        _out.GetStringBuilder().Clear();

        Assert.Equal(ExitCodes.Ok, Kiosk("pack", "rollback", "--store", Root));
        Assert.Contains("rolled back to store-test-pack 1.0.0", _out.ToString());
        Assert.Equal(ExitCodes.Refused, Kiosk("pack", "rollback", "--store", Root));
        Assert.Contains("nothing to roll back to", _err.ToString());
        _out.GetStringBuilder().Clear();

        Assert.Equal(ExitCodes.Ok, Kiosk("pack", "list", "--store", Root, "--json"));
        using var list = JsonDocument.Parse(_out.ToString());
        string oldSha = PackStoreTests.Sha256Of(packs.Pack("1.0.0"));
        Assert.Equal(oldSha, list.RootElement.GetProperty("current").GetString());
        var listed = list.RootElement.GetProperty("packs").EnumerateArray().ToList();
        Assert.Equal(["1.1.0", "1.0.0"], listed.Select(p => p.GetProperty("version").GetString()));
        Assert.Equal([false, true], listed.Select(p => p.GetProperty("current").GetBoolean()));
        Assert.All(listed, p => Assert.Equal("store-test-pack", p.GetProperty("id").GetString()));
        Assert.Equal(oldSha, listed[1].GetProperty("sha256").GetString());
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), listed[1].GetProperty("installed").GetDateTimeOffset());
    }

    [Fact]
    public void Install_of_a_missing_file_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, Kiosk("pack", "install", _dir.Combine("nope.kpack"), "--store", Root));
        Assert.Contains("no such pack file", _err.ToString());
    }

    [Fact]
    public void Install_of_a_refused_pack_names_the_problem_and_the_unchanged_current_pack()
    {
        Assert.Equal(ExitCodes.Ok, Kiosk("pack", "install", packs.Pack("1.0.0"), "--store", Root, "--trusted-keys", NoKeys));
        string truncated = _dir.Combine("truncated.kpack");
        File.WriteAllBytes(truncated, File.ReadAllBytes(packs.Pack("1.1.0"))[..100]);

        Assert.Equal(ExitCodes.Refused, Kiosk("pack", "install", truncated, "--store", Root, "--trusted-keys", NoKeys));

        Assert.Contains("not a readable zip archive", _err.ToString());
        Assert.Contains("the current pack is unchanged: store-test-pack 1.0.0", _err.ToString());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Keygen_sign_and_a_trusting_install_from_the_command_line()
    {
        string name = _dir.Combine("staff");
        Assert.Equal(ExitCodes.Ok, Kiosk("keygen", "--out", name));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(name + ".key"));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(name + ".key"));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", File.ReadAllText(name + ".pub"));
        string keys = _dir.Combine("trusted");
        Directory.CreateDirectory(keys);
        File.Copy(name + ".pub", Path.Combine(keys, "staff.pub"));
        string unsigned = packs.CopyOf("1.0.0", _dir.Path);
        string signed = packs.CopyOf("1.1.0", _dir.Path);

        Assert.Equal(ExitCodes.Refused, Kiosk("pack", "install", unsigned, "--store", Root, "--trusted-keys", keys));
        Assert.Contains("unsigned", _err.ToString());
        Assert.Equal(ExitCodes.Ok, Kiosk("pack", "sign", signed, "--key", name + ".key"));
        Assert.Equal(ExitCodes.Ok, Kiosk("pack", "install", signed, "--store", Root, "--trusted-keys", keys));

        Assert.NotNull(PackReader.Read(signed).Signature);
        Assert.Equal(PackStoreTests.Sha256Of(signed), new FileInfo(Path.Combine(Root, "current")).LinkTarget);
    }

    [Fact]
    public void Keygen_never_overwrites_an_existing_key()
    {
        string name = _dir.Combine("staff");
        Assert.Equal(ExitCodes.Ok, Kiosk("keygen", "--out", name));
        string before = File.ReadAllText(name + ".key");

        Assert.Equal(ExitCodes.Refused, Kiosk("keygen", "--out", name));

        Assert.Contains("already exists", _err.ToString());
        Assert.Equal(before, File.ReadAllText(name + ".key"));
    }

    [Fact]
    public void Sign_without_a_key_file_is_a_usage_error()
    {
        string pack = packs.CopyOf("1.0.0", _dir.Path);

        Assert.Equal(ExitCodes.Usage, Kiosk("pack", "sign", pack, "--key", _dir.Combine("missing.key")));
        Assert.Equal(ExitCodes.Usage, Kiosk("pack", "sign", pack));
        Assert.Null(PackReader.Read(pack).Signature);
    }

    private int Kiosk(params string[] args) => KioskCli.Invoke(args, new CliConsole(_out, _err), _time);

    /// <summary>Runs <c>kiosk pack receive --store ROOT</c> with these bytes as standard input.</summary>
    private int Receive(byte[] stdin, params string[] extra)
    {
        var console = new CliConsole(_out, _err);
        var pack = new Command("pack");
        StoreCommands.AddTo(pack, console, _time, () => new MemoryStream(stdin));
        var root = new RootCommand { pack };
        var parse = root.Parse(["pack", "receive", "--store", Root, "--trusted-keys", NoKeys, .. extra]);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : parse.Invoke(new InvocationConfiguration { Output = _out, Error = _err });
    }

    private JsonDocument SingleJsonLine()
    {
        string text = _out.ToString();
        Assert.EndsWith(Environment.NewLine, text);
        Assert.DoesNotContain('\n', text.TrimEnd('\n'));
        return JsonDocument.Parse(text);
    }
}
