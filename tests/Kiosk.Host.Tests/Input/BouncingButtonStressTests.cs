using System.Device.Gpio;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

/// <summary>
/// Thousands of scripted presses with contact chatter, random pauses, noise spikes and long Home holds: the
/// commands posted must be exactly the ones the script meant, none spurious and none missed.
/// </summary>
public class BouncingButtonStressTests
{
    private const int PressCount = 6000;
    private static readonly NavCommand[] Buttons = [NavCommand.Next, NavCommand.Previous, NavCommand.Select, NavCommand.Back, NavCommand.Home];

    [Theory]
    [InlineData(1)]
    [InlineData(20250612)]
    public void Chattering_presses_post_exactly_the_intended_commands(int seed)
    {
        using var rig = new GpioRig();
        var script = new Script(rig, new Random(seed));

        List<NavCommand> intended = script.Play(PressCount);
        rig.Clock.Advance(TimeSpan.FromSeconds(5));

        // The script really exercised what it claims to.
        Assert.Equal(PressCount, intended.Count);
        Assert.True(script.Edges > 6 * PressCount, $"only {script.Edges} edges for {PressCount} presses");
        Assert.True(script.Spikes > PressCount / 20, $"only {script.Spikes} noise spikes");
        Assert.Contains(NavCommand.HomeLong, intended);
        Assert.Contains(NavCommand.Home, intended);

        IReadOnlyList<NavCommand> posted = rig.Sink.Commands;
        int firstDifference = Enumerable.Range(0, Math.Min(posted.Count, intended.Count))
            .FirstOrDefault(i => posted[i] != intended[i], Math.Min(posted.Count, intended.Count));
        Assert.True(posted.Count == intended.Count && firstDifference == intended.Count,
            $"posted {posted.Count} commands for {intended.Count} intended; first difference at #{firstDifference}");
    }

    private sealed class Script(GpioRig rig, Random random)
    {
        private static readonly TimeSpan MaxChatter = TimeSpan.FromMilliseconds(20);
        private TimeSpan _at = TimeSpan.FromMilliseconds(10);

        public int Edges { get; private set; }

        public int Spikes { get; private set; }

        public List<NavCommand> Play(int presses)
        {
            var intended = new List<NavCommand>(presses);
            for (int i = 0; i < presses; i++)
            {
                NavCommand button = Buttons[random.Next(Buttons.Length)];
                int pin = rig.Options.Pins[button];
                bool hold = button == NavCommand.Home && random.Next(3) == 0;

                Bounce(pin, rig.PressedLevel);

                // Short holds end (with their release chatter) well before the 800 ms threshold, long ones well
                // after; both outlast the 30 ms debounce.
                _at += hold ? Milliseconds(900, 2500) : Milliseconds(40, 700);
                Bounce(pin, rig.ReleasedLevel);
                intended.Add(hold ? NavCommand.HomeLong : button);

                _at += Milliseconds(40, 400);
                if (random.Next(8) == 0)
                {
                    Spike(rig.Options.Pins[Buttons[random.Next(Buttons.Length)]]);
                    _at += Milliseconds(40, 200);
                }
            }

            return intended;
        }

        /// <summary>Contact chatter of 1–20 ms that ends at <paramref name="level"/>; leaves the clock at the last edge.</summary>
        private void Bounce(int pin, PinValue level)
        {
            TimeSpan duration = Milliseconds(1, MaxChatter.TotalMilliseconds);
            int bounces = random.Next(1, 7);
            var times = new TimeSpan[(2 * bounces) - 1];
            for (int i = 0; i < times.Length; i++)
            {
                times[i] = TimeSpan.FromTicks((long)(random.NextDouble() * duration.Ticks));
            }

            Array.Sort(times);
            PinValue other = level == PinValue.High ? PinValue.Low : PinValue.High;
            Edge(pin, level, _at);
            for (int i = 0; i < times.Length; i++)
            {
                Edge(pin, i % 2 == 0 ? other : level, _at + times[i]);
            }

            _at += duration;
            Edge(pin, level, _at);
        }

        /// <summary>Interference on an idle line: a pulse shorter than the debounce time.</summary>
        private void Spike(int pin)
        {
            Spikes++;
            Edge(pin, rig.PressedLevel, _at);
            _at += Milliseconds(0.05, MaxChatter.TotalMilliseconds);
            Edge(pin, rig.ReleasedLevel, _at);
        }

        private void Edge(int pin, PinValue level, TimeSpan at)
        {
            Edges++;
            rig.Driver.Edge(pin, level, at);
        }

        private TimeSpan Milliseconds(double min, double max) => TimeSpan.FromMilliseconds(min + (random.NextDouble() * (max - min)));
    }
}
