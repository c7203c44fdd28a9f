using AiEngineer.Web.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AiEngineer.BrowserTests.Infrastructure;

/// <summary>
/// The demo site (Development) served on Kestrel, driven by the system Chromium through Playwright, with card payment
/// through a fake Stripe whose Checkout page is on another port (another origin), as checkout.stripe.com is.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Console errors (a CSP violation is one) and uncaught script errors from every page, since the running test began.
    /// Browser test classes run one at a time (AssemblyInfo.cs), so one list serves them all; <see cref="BrowserTest"/> empties
    /// it before each test and fails the test if anything is in it afterwards.
    /// </summary>
    public static System.Collections.Concurrent.ConcurrentQueue<string> ConsoleProblems { get; } = new();

    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("AIE_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public SiteFactory Site { get; private set; } = null!;
    public SmtpSink Smtp { get; private set; } = null!;
    public FakeStripe Stripe { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with `apt-get install -y chromium` " +
                "(or point AIE_CHROMIUM at a Chromium or Chrome binary). Do not run `playwright install`: it downloads browsers.");
        _database = await (await DemoTemplateAsync()).CopyAsync();
        Smtp = new SmtpSink();
        Stripe = new FakeStripe();
        // Stripe sends the buyer back to links made from Site:PublicUrl, so the port is chosen before the site starts.
        var port = FreePort();
        Site = NewSite($"http://127.0.0.1:{port}");
        BaseAddress = Site.StartKestrel(port);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static TestDatabase? _template;

    /// <summary>
    /// The demo, migrated and seeded once per test run by a Development site of its own (its outbox off, so each class's
    /// site sends the seed's emails itself, as a freshly seeded site would), then copied for every class: each class
    /// still gets a clean database of its own, without paying for the migrations and the seed again. Dropped when the
    /// test process exits.
    /// </summary>
    private static async Task<TestDatabase> DemoTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            var database = await TestDatabase.CreateAsync();
            await using (var smtp = new SmtpSink())
            await using (var site = new SiteFactory(database, smtp, "Development"))
            {
                site.Settings["Email:Outbox:Enabled"] = "false";
                _ = site.Services; // start: migrate and seed
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return _template = database;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>The demo conference as seeded for this run (its dates follow the site's clock): tests navigate to its days.</summary>
    public Task<Core.Conference.ConferenceEvent> ConferenceAsync() =>
        Site.WithDbAsync(db => db.Conferences.AsNoTracking().SingleAsync());

    /// <param name="baseAddress">The instance to open (<see cref="SecondInstanceAsync"/>); the fixture's site by default.</param>
    /// <param name="javaScript">False: a browser with script switched off, as some buyers have it.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, Uri? baseAddress = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseAddress ?? BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        // Generous limits: on a loaded 2-core CI machine a page plus an axe run can take well over the default 30 s.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") ConsoleProblems.Enqueue($"console error on {page.Url} (from {message.Location}): {message.Text}");
        };
        page.PageError += (_, error) => ConsoleProblems.Enqueue($"uncaught script error on {page.Url}: {error}");
        return page;
    }

    /// <summary>A Development site on this fixture's database, mail sink and fake Stripe, linking to <paramref name="publicUrl"/>.</summary>
    private SiteFactory NewSite(string publicUrl)
    {
        var site = new SiteFactory(_database, Smtp, "Development");
        foreach (var (key, value) in Stripe.Settings()) site.Settings[key] = value;
        site.Settings["Site:PublicUrl"] = publicUrl;
        return site;
    }

    private SiteFactory? _second;

    /// <summary>
    /// A second instance of the app on the same database, as a second replica would be, on a port of its own; stopped
    /// with the fixture. On PostgreSQL this waits until both instances LISTEN for live messages.
    /// </summary>
    public async Task<Uri> SecondInstanceAsync()
    {
        if (_second is null)
        {
            _second = NewSite(Site.Settings["Site:PublicUrl"]!); // one public address, as behind a proxy
            _second.StartKestrel(FreePort());
            if (_database.Provider == "Postgres")
                foreach (var site in new[] { Site, _second })
                    await site.Services.GetRequiredService<Web.Infrastructure.Live.PostgresLiveListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        }
        return _second.KestrelAddress!;
    }

    /// <summary>Whether instances share live messages (PostgreSQL LISTEN/NOTIFY); on SQLite each instance has its own.</summary>
    public bool SharesLiveMessages => _database.Provider == "Postgres";

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_second is not null) await _second.DisposeAsync();
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
        await Stripe.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Signs a demo account in through the login form (the demo password is the Development one).</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Web.Infrastructure.Database.DemoSeeder.DemoPassword)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Login"));
    }

    /// <summary>Fails on any serious or critical axe-core violation, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // Frames are left out: the site's only frames are sandboxed email previews, where axe cannot run (no script) and
        // would wait for an answer that never comes. What is inside them is an email, checked by the email tests.
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions { Iframes = false });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0,
            $"Accessibility violations on {page.Url}:\n" + string.Join("\n", bad.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>Saves a full-page screenshot under the repository's TestResults/screenshots/.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiEngineer.sln"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
