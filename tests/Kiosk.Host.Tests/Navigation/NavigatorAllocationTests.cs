using Kiosk.Host.Navigation;
using static Kiosk.Host.Input.NavCommand;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>Commands, ticks and scene queries allocate nothing once warm.</summary>
public sealed class NavigatorAllocationTests
{
    // A visit touching every screen kind, every command and the attract loop.
    private static readonly NavCommand[] _visit =
    [
        Next, Previous, Next, Select, Next, Next, Select, Next, Previous, Back, Next, Next, Next, Select,
        HomeLong, Next, Back, Previous, Back, NavCommand.Home, HomeLong, Select, Previous, Previous, Select, Back,
    ];

    [Fact]
    public void Steady_state_commands_ticks_and_queries_do_not_allocate()
    {
        var now = DateTimeOffset.UnixEpoch;
        var nav = new Navigator(TestPacks.Standard(), new NavigatorOptions(), now);

        Run(nav, ref now); // warm up: JIT, statics
        Run(nav, ref now);
        float sink = 0f;
        var allocated = ThreadAllocations.Measure(() =>
        {
            for (int k = 0; k < 20; k++)
            {
                sink += Run(nav, ref now);
            }
        });

        Assert.True(allocated.Least == 0, $"{allocated} allocated by 20 visits");
        Assert.True(sink > 0f);
    }

    private static float Run(Navigator nav, ref DateTimeOffset now)
    {
        var frame = TimeSpan.FromMilliseconds(16);
        float sum = 0f;
        for (int i = 0; i < _visit.Length; i++)
        {
            nav.Apply(_visit[i], now);
            for (int f = 0; f < 10; f++)
            {
                now += frame;
                nav.Tick(now);
                sum += nav.Current(now).T;
                _ = nav.NeedsFrame(nav.Version, now);
            }
        }

        // Idle into attract, a few cycles, a mid-transition press, wake.
        for (int f = 0; f < 130 * 60; f++)
        {
            now += frame;
            nav.Tick(now);
            sum += nav.Current(now).T;
        }

        nav.Apply(Select, now);
        now += frame;
        nav.Apply(Next, now);
        nav.Apply(NavCommand.Home, now + frame);
        now += TimeSpan.FromSeconds(1);
        nav.Tick(now);
        return sum;
    }
}
