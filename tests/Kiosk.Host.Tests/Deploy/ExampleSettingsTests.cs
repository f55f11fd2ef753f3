using Kiosk.Host.Hosting;
using Microsoft.Extensions.Configuration;

namespace Kiosk.Host.Tests.Deploy;

public sealed class ExampleSettingsTests
{
    [Fact]
    public void The_example_kiosk_json_that_install_writes_is_accepted_by_the_kiosk()
    {
        var root = new ConfigurationBuilder().AddJsonFile(RepoFiles.Deploy("kiosk.example.json"), optional: false, reloadOnChange: false).Build();

        var config = KioskConfiguration.Load(root);

        Assert.Equal("fbdev:/dev/fb0", config.Kiosk.Display);
        Assert.Equal(["gpio"], config.Kiosk.Inputs);
        Assert.Equal("/var/lib/kiosk/packs", config.Kiosk.Store);
        Assert.False(config.PreviewEnabled);
    }
}
