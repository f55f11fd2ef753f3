using Kiosk.Host.Display.Preview;
using Kiosk.Host;
using Kiosk.Host.Loop;
using Kiosk.Host.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Kiosk.Host.Tests.Preview;

/// <summary>
/// The whole chain a member of staff sees on a machine with no panel: `kiosk run` on the built-in pack, the
/// preview page in a real headless Chromium, a click on Next, a new frame on the page.
/// </summary>
public sealed class PreviewChromiumTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task ClickingNextInChromiumChangesTheFrame()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: deploy/setup.sh installs Debian's chromium");
        string store = Path.Combine(Path.GetTempPath(), "kiosk-no-store-" + Guid.NewGuid().ToString("N"));
        using var host = KioskHost.Build(null, new Dictionary<string, string?>
        {
            ["Kiosk:Store"] = store,
            ["Kiosk:Pack"] = SeedPack.Path,
            ["Kiosk:Profile"] = "800x480",
            ["Preview:Url"] = "http://127.0.0.1:0",
        });
        await host.StartAsync();
        try
        {
            var frames = host.Services.GetRequiredService<FrameLoop>();
            await frames.FirstFrame.WaitAsync(TimeSpan.FromSeconds(30));
            string address = host.Services.GetRequiredService<PreviewServer>().Address!;

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 700 } });
            await page.GotoAsync(address);
            await page.WaitForFunctionAsync("() => Number(document.getElementById('frame').dataset.sequence) > 0", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            byte[] before = await page.Locator("#frame").ScreenshotAsync();
            int sequenceBefore = int.Parse(await page.GetAttributeAsync("#frame", "data-sequence") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

            await page.ClickAsync("#next");
            // The highlight slides for 300 ms; wait for a frame well after the press, then for the page to show the last one.
            await page.WaitForFunctionAsync($"() => Number(document.getElementById('frame').dataset.sequence) > {sequenceBefore}", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            await page.WaitForFunctionAsync("async () => { const s = await (await fetch('/state')).json(); await new Promise(r => setTimeout(r, 700)); const t = await (await fetch('/state')).json(); return s.sequence === t.sequence && Number(document.getElementById('frame').dataset.sequence) === t.sequence; }", null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });
            byte[] after = await page.Locator("#frame").ScreenshotAsync();

            string artefacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(artefacts);
            await File.WriteAllBytesAsync(Path.Combine(artefacts, "preview-before-next.png"), before);
            await File.WriteAllBytesAsync(Path.Combine(artefacts, "preview-after-next.png"), after);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artefacts, "preview-page.png") });

            Assert.NotEqual(before, after);
            var a = Kiosk.Render.Frames.FramePng.Decode(before);
            var b = Kiosk.Render.Frames.FramePng.Decode(after);
            int changed = 0;
            for (int i = 0; i < Math.Min(a.Pixels.Length, b.Pixels.Length); i += 4)
            {
                if (Math.Abs(a.Pixels[i] - b.Pixels[i]) + Math.Abs(a.Pixels[i + 1] - b.Pixels[i + 1]) + Math.Abs(a.Pixels[i + 2] - b.Pixels[i + 2]) > 30)
                {
                    changed++;
                }
            }

            // Moving the highlight from the first case to the second repaints two cards: a visible share of the screen.
            Assert.True(changed > a.Pixels.Length / 4 / 100, $"only {changed} pixels changed after Next");
        }
        finally
        {
            await host.StopAsync();
            if (Directory.Exists(store))
            {
                Directory.Delete(store, true);
            }
        }
    }
}
