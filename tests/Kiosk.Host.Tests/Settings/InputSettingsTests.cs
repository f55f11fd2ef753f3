using Kiosk.Host.Input;
using Kiosk.Host.Settings;
using Microsoft.Extensions.Configuration;

namespace Kiosk.Host.Tests.Settings;

/// <summary>How Kiosk:Inputs, the Evdev key maps and the lecture quiet time are read and checked.</summary>
public sealed class InputSettingsTests
{
    private static KioskSettings Load(params (string Key, string Value)[] values) =>
        KioskSettings.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value))
            .Build());

    [Fact]
    public void With_no_input_settings_every_keyboard_is_read()
    {
        var settings = Load();

        Assert.Equal([KioskSettings.KeyboardsInput], settings.Inputs);
        Assert.Equal(NavCommand.Next, settings.Evdev.Keys[LinuxInput.KeyPageDown]);
        Assert.Equal(TimeSpan.FromMinutes(20), settings.Navigator.LectureQuietTime);
    }

    [Fact]
    public void An_explicit_list_narrows_the_inputs_to_those_listed()
    {
        var settings = Load(("Kiosk:Inputs:0", "gpio"), ("Kiosk:Inputs:1", "evdev:/dev/input/by-id/usb-remote-event-kbd"));

        Assert.Equal(["gpio", "evdev:/dev/input/by-id/usb-remote-event-kbd"], settings.Inputs);
    }

    [Fact]
    public void Keyboards_together_with_a_single_device_is_refused_since_presses_would_count_twice()
    {
        var ex = Assert.Throws<KioskSettingsException>(() =>
            Load(("Kiosk:Inputs:0", "keyboards"), ("Kiosk:Inputs:1", "evdev:/dev/input/event3")));

        Assert.Contains(ex.Errors, e => e.StartsWith("Kiosk:Inputs:0:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_input_listed_twice_is_refused()
    {
        var ex = Assert.Throws<KioskSettingsException>(() => Load(("Kiosk:Inputs:0", "gpio"), ("Kiosk:Inputs:1", "gpio")));

        Assert.Contains(ex.Errors, e => e.StartsWith("Kiosk:Inputs:1:", StringComparison.Ordinal));
    }

    [Fact]
    public void Listed_shift_keys_and_lecture_keys_replace_the_defaults()
    {
        var settings = Load(("Evdev:ShiftKeys:62", "Home"), ("Evdev:LectureKeys:0", "109"));

        Assert.Equal(new Dictionary<int, NavCommand> { [62] = NavCommand.Home }, settings.Evdev.ShiftKeys);
        Assert.Equal([109], settings.Evdev.LectureKeys);
        Assert.Equal(NavCommand.FirstPhase, settings.Evdev.Keys[LinuxInput.KeyF5]);
    }

    [Theory]
    [InlineData("Evdev:ShiftKeys:0", "Back", "Evdev:ShiftKeys:0")]
    [InlineData("Evdev:ShiftKeys:63", "HomeLong", "Evdev:ShiftKeys:63")]
    [InlineData("Evdev:LectureKeys:0", "99999", "Evdev:LectureKeys:0")]
    [InlineData("Evdev:DeviceDirectory", " ", "Evdev:DeviceDirectory")]
    [InlineData("Navigator:LectureQuietTime", "-00:01:00", "Navigator:LectureQuietTime")]
    public void Bad_input_settings_are_refused_naming_the_key(string key, string value, string named)
    {
        var ex = Assert.Throws<KioskSettingsException>(() => Load((key, value)));

        Assert.Contains(ex.Errors, e => e.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Lecture_mode_can_be_turned_off()
    {
        Assert.Equal(TimeSpan.Zero, Load(("Navigator:LectureQuietTime", "00:00:00")).Navigator.LectureQuietTime);
    }
}
