using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kiosk.Fleet.Harness;
using Kiosk.Host.Status;
using Kiosk.Host.Tests.Packs;
using Kiosk.Host.Tests.Push;

namespace Kiosk.Fleet.Bench;

/// <summary>
/// The fleet at scale, on this machine: gather.yml over N hosts (sshd only, each store with a status file a real
/// kiosk wrote), and rollout.yml's time as a function of hosts and batch size (running kiosks, since a host is
/// done only when its status shows the pack on the glass). A benchmark, not a test: it prints a table and
/// asserts nothing about speed.
/// </summary>
public static class FleetBench
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args is not ["bench", ..])
        {
            output.WriteLine("usage: dotnet run -c Release --project tests/Kiosk.Fleet -- bench [--hosts 50] [--rollout-hosts 2,4,8] [--batches 1,2,4] [--repeat 3]");
            return 2;
        }

        int gatherHosts = Option(args, "--hosts", 50);
        int repeat = Option(args, "--repeat", 3);
        int[] rolloutHosts = List(args, "--rollout-hosts", [2, 4, 8]);
        int[] batches = List(args, "--batches", [1, 2, 4]);
        using var packs = new TestPacks();

        output.WriteLine($"## gather.yml, {gatherHosts} hosts (sshd only), {Environment.ProcessorCount} cores");
        Gather(gatherHosts, repeat, packs, output);
        if (rolloutHosts.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("## rollout.yml (canary alone, then batches; running kiosks on PNG displays; health poll 1 s)");
            Rollout(rolloutHosts, batches, packs, output);
        }

        return 0;
    }

    /// <summary>
    /// gather.yml in both modes, against hosts whose content key runs the kiosk a Pi runs (the published Native
    /// AOT build: <c>pack receive</c>, the status answer; the control node's <c>kiosk status HOST...</c> is the
    /// same build) and, in the same runs, against a second fleet whose forced command is <c>cat</c> of a saved
    /// answer: a free answer, so that fleet's times are Ansible's and ssh's own floor on this machine.
    /// </summary>
    private static void Gather(int hosts, int repeat, TestPacks packs, TextWriter output)
    {
        var kiosk = KioskProgram.Published();
        output.WriteLine($"kiosk on the hosts and the control node: {kiosk.Program} (deploy/publish.sh linux-x64, Native AOT; published in {PublishedKiosk.Seconds:0} s)");
        using var fleet = new TestFleet(online: hosts, kiosk: kiosk);
        using var floor = new TestFleet(online: hosts, kiosk: kiosk, forcedCommand: store => $"cat {ShellQuote.Of(Path.Combine(Path.GetDirectoryName(store)!, "answer.json"))}");
        string statusFile = RealStatusFile(fleet.Hosts[0], packs.Pack("1.0.0"));
        foreach (var host in fleet.Hosts.Concat(floor.Hosts))
        {
            host.Install(packs.Pack("1.0.0"));
            File.Copy(statusFile, StatusFile.For(host.Store), overwrite: true);
        }

        // The floor's answer is what the real forced command answers for the same store.
        var answer = kiosk.Run("status", "--json", "--config", fleet.Hosts[0].ConfigFile);
        foreach (var host in floor.Hosts)
        {
            File.WriteAllText(Path.Combine(host.Dir, "answer.json"), answer.Stdout);
        }

        PerConnection(fleet, output);
        // OpenSSH's default key exchange (9.2: sntrup761x25519, post-quantum) costs the client far more CPU per
        // connection than the classic curve25519 one (the per-connection table above); shown for the trade only.
        string[] classicKex = ["-e", JsonSerializer.Serialize(new { kiosk_ssh_options = new[] { $"UserKnownHostsFile={fleet.KnownHosts}", "StrictHostKeyChecking=accept-new", "KexAlgorithms=curve25519-sha256" } })];
        output.WriteLine("| run | hosts | fanout (s) | fanout CPU: control node / hosts (s) | per_host (s) | cat floor: fanout (s) | cat floor: per_host (s) | fanout / per_host floor | every host by plain ssh at once, no Ansible (s) | fanout, curve25519 kex (s) | hosts in report |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        (string Inventory, TestFleet Fleet)[] fleets = [(fleet.Inventory(), fleet), (floor.Inventory(), floor)];
        for (int i = 1; i <= repeat; i++)
        {
            // Interleaved, so the machine's load drifts over all four alike.
            var times = new List<double>();
            var reported = new List<int>();
            (double Control, double Hosts) cpu = default;
            foreach (var (inventory, f) in fleets)
            {
                foreach (string mode in new[] { "fanout", "per_host" })
                {
                    double control = CpuTime.Children(), onHosts = HostsCpu(f);
                    var (ran, took) = f.Playbook("gather.yml", inventory, "-e", $"kiosk_gather={mode}");
                    if (f == fleet && mode == "fanout")
                    {
                        cpu = (CpuTime.Children() - control, HostsCpu(f) - onHosts);
                    }

                    times.Add(ran.ExitCode == 0 ? took.TotalSeconds : double.NaN);
                    reported.Add(Reported(f));
                }
            }

            // One thread per ssh, all started at once (the thread pool would add its threads slowly).
            var ssh = Time(() =>
            {
                var threads = fleet.Hosts.Select(host => new Thread(() => ChildProcess.Run(SshTools.Ssh, [.. SshArgs(fleet, host), "status", "--json"]))).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
            });
            times.Add(ssh.TotalSeconds);
            var (classic, classicTook) = fleet.Playbook("gather.yml", fleets[0].Inventory, ["-e", "kiosk_gather=fanout", .. classicKex]);
            times.Add(classic.ExitCode == 0 ? classicTook.TotalSeconds : double.NaN);
            reported.Add(Reported(fleet));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {i} | {hosts} | {times[0]:0.0} | {cpu.Control:0.0} / {cpu.Hosts:0.0} | {times[1]:0.0} | {times[2]:0.0} | {times[3]:0.0} | {times[0] / times[3]:0.00} | {times[4]:0.0} | {times[5]:0.0} | {string.Join(" / ", reported)} |"));
        }
    }

    /// <summary>
    /// One connection's cost, one at a time (no contention): wall time, the ssh client's CPU (the control node's
    /// share) and the host's CPU (sshd, its re-exec for the session, the shell and the forced command), with the
    /// default and the classic key exchange; and the status answer alone, as the published kiosk and as this
    /// build under <c>dotnet</c> (what the fleet tests run).
    /// </summary>
    private static void PerConnection(TestFleet fleet, TextWriter output)
    {
        const int Connections = 10;
        var host = fleet.Hosts[0];
        output.WriteLine();
        output.WriteLine($"| one connection, `ssh HOST status --json` (mean of {Connections}, one at a time) | wall (s) | ssh client CPU (s) | host CPU: sshd + answer (s) |");
        output.WriteLine("|---|---|---|---|");
        foreach (var (name, options) in new (string, string[])[] { ("OpenSSH's default key exchange", []), ("KexAlgorithms=curve25519-sha256", ["-o", "KexAlgorithms=curve25519-sha256"]) })
        {
            ChildProcess.Run(SshTools.Ssh, [.. options, .. SshArgs(fleet, host), "status", "--json"]); // warm the caches
            double client = CpuTime.Children(), server = CpuTime.Tree(host.SshdProcessId!.Value);
            var took = Time(() =>
            {
                for (int i = 0; i < Connections; i++)
                {
                    ChildProcess.Run(SshTools.Ssh, [.. options, .. SshArgs(fleet, host), "status", "--json"]);
                }
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {took.TotalSeconds / Connections:0.000} | {(CpuTime.Children() - client) / Connections:0.000} | {(CpuTime.Tree(host.SshdProcessId!.Value) - server) / Connections:0.000} |"));
        }

        output.WriteLine();
        output.WriteLine("| the status answer alone (`pack receive`, SSH_ORIGINAL_COMMAND=\"status --json\"), mean of 10 | CPU (s) |");
        output.WriteLine("|---|---|");
        foreach (var (name, kiosk) in new[] { ("published (Native AOT), as on a Pi", fleet.Kiosk), ("this build under dotnet (JIT), as the fleet tests run", KioskProgram.Build) })
        {
            var environment = new Dictionary<string, string> { ["SSH_ORIGINAL_COMMAND"] = "status --json" };
            ChildProcess.Run(kiosk.Program, [.. kiosk.Prefix, "pack", "receive", "--store", host.Store], environment: environment);
            double before = CpuTime.Children();
            for (int i = 0; i < Connections; i++)
            {
                ChildProcess.Run(kiosk.Program, [.. kiosk.Prefix, "pack", "receive", "--store", host.Store], environment: environment);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {(CpuTime.Children() - before) / Connections:0.000} |"));
        }

        output.WriteLine();
    }

    private static string[] SshArgs(TestFleet fleet, FleetHost host) =>
    [
        "-T", "-o", "BatchMode=yes", "-o", $"UserKnownHostsFile={fleet.KnownHosts}", "-o", "StrictHostKeyChecking=accept-new", "-i", fleet.ContentKey, "-o", "IdentitiesOnly=yes",
        "-p", host.Port.ToString(CultureInfo.InvariantCulture), $"{Environment.UserName}@127.0.0.1",
    ];

    private static double HostsCpu(TestFleet fleet) => fleet.Hosts.Sum(h => h.SshdProcessId is { } pid ? CpuTime.Tree(pid) : 0);

    private static int Reported(TestFleet fleet) =>
        File.ReadAllLines(Path.Combine(fleet.Reports, "status.txt")).Count(l => l.StartsWith('k') && !l.Contains("unreachable", StringComparison.Ordinal));

    private static void Rollout(int[] hostCounts, int[] batches, TestPacks packs, TextWriter output)
    {
        using var fleet = new TestFleet(online: hostCounts.Max(), kiosk: KioskProgram.Published());
        foreach (var host in fleet.Hosts)
        {
            host.Install(packs.Pack("1.0.0"));
            host.StartKiosk();
        }

        foreach (var host in fleet.Hosts)
        {
            TestFleet.WaitForStatus(host, s => TestFleet.PackOnGlass(s) is not null, "showing a pack");
        }

        output.WriteLine();
        output.WriteLine("| hosts | batch | seconds | batches after the canary | all done |");
        output.WriteLine("|---|---|---|---|---|");
        int run = 0;
        foreach (int hosts in hostCounts)
        {
            foreach (int batch in batches.Where(b => b < hosts))
            {
                string pack = packs.Pack($"3.{++run}.0");
                var (ran, took) = fleet.Playbook("rollout.yml", fleet.Inventory(fleet.Hosts.Take(hosts)), "-e", $"kiosk_pack={pack}", "-e", $"kiosk_batch={batch}");
                int rounds = (hosts - 1 + batch - 1) / batch;
                output.WriteLine($"| {hosts} | {batch} | {took.TotalSeconds:0.0} | {rounds} | {(ran.ExitCode == 0 ? "yes" : "NO")} |");
            }
        }
    }

    /// <summary>A status file written by a real kiosk: run one on the store until it has written, then stop it.</summary>
    private static string RealStatusFile(FleetHost host, string pack)
    {
        host.Install(pack);
        host.StartKiosk();
        try
        {
            TestFleet.WaitForStatus(host, s => TestFleet.PackOnGlass(s) is not null, "showing a pack");
        }
        finally
        {
            host.KillKiosk();
        }

        string copy = Path.Combine(host.Dir, "status-sample.json");
        File.Copy(StatusFile.For(host.Store), copy, overwrite: true);
        return copy;
    }

    private static TimeSpan Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int[] List(string[] args, string name, int[] fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length
            ? args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : fallback;
    }
}
