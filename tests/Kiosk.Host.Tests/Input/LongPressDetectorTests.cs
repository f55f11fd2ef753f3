using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

public class LongPressDetectorTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Release_before_the_threshold_is_short()
    {
        var detector = new LongPressDetector(Ms(800));
        detector.OnPressed(Ms(1000));

        Assert.Equal(HoldOutcome.None, detector.Poll(Ms(1799)));
        Assert.Equal(HoldOutcome.Short, detector.OnReleased(Ms(1799)));
        Assert.False(detector.IsHeld);
    }

    [Fact]
    public void Poll_at_the_threshold_reports_long_once_and_the_release_adds_nothing()
    {
        var detector = new LongPressDetector(Ms(800));
        detector.OnPressed(Ms(1000));
        Assert.Equal(Ms(1800), detector.Deadline);

        Assert.Equal(HoldOutcome.Long, detector.Poll(Ms(1800)));
        Assert.Null(detector.Deadline);
        Assert.Equal(HoldOutcome.None, detector.Poll(Ms(2500)));
        Assert.Equal(HoldOutcome.None, detector.OnReleased(Ms(3000)));
    }

    [Fact]
    public void Long_hold_noticed_only_at_release_is_still_long()
    {
        var detector = new LongPressDetector(Ms(800));
        detector.OnPressed(Ms(0));

        Assert.Equal(HoldOutcome.Long, detector.OnReleased(Ms(900)));
    }

    [Fact]
    public void Each_hold_is_judged_on_its_own()
    {
        var detector = new LongPressDetector(Ms(800));
        detector.OnPressed(Ms(0));
        Assert.Equal(HoldOutcome.Long, detector.Poll(Ms(800)));
        detector.OnReleased(Ms(900));

        detector.OnPressed(Ms(1000));

        Assert.Equal(HoldOutcome.Short, detector.OnReleased(Ms(1100)));
    }

    [Fact]
    public void Release_without_a_press_reports_nothing()
    {
        var detector = new LongPressDetector(Ms(800));

        Assert.Equal(HoldOutcome.None, detector.OnReleased(Ms(100)));
        Assert.Null(detector.Deadline);
    }
}
