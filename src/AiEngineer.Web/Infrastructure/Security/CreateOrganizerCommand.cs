using AiEngineer.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AiEngineer.Web.Infrastructure.Security;

/// <summary>
/// `dotnet run --project src/AiEngineer.Web -- create-organizer EMAIL`: creates (or promotes) the first organizer.
/// The password comes from standard input when it is redirected, otherwise from a prompt that does not echo.
/// </summary>
public static class CreateOrganizerCommand
{
    public const string Name = "create-organizer";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        if (args.Length < 2 || !args[1].Contains('@'))
        {
            await output.WriteLineAsync("Usage: create-organizer EMAIL   (the password is read from standard input or a prompt)");
            return 2;
        }
        var email = args[1].Trim();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var password = ReadPassword(input, output);
            if (string.IsNullOrEmpty(password))
            {
                await output.WriteLineAsync("No password given; nothing was changed.");
                return 2;
            }
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await output.WriteLineAsync("Could not create the account: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                return 1;
            }
        }
        if (!await users.IsInRoleAsync(user, Roles.Organizer))
        {
            var added = await users.AddToRoleAsync(user, Roles.Organizer);
            if (!added.Succeeded)
            {
                await output.WriteLineAsync("Could not add the Organizer role: " + string.Join(" ", added.Errors.Select(e => e.Description)));
                return 1;
            }
        }
        await output.WriteLineAsync($"{email} is an organizer. Sign in at /Identity/Account/Login.");
        return 0;
    }

    private static string? ReadPassword(TextReader input, TextWriter output)
    {
        if (Console.IsInputRedirected || !ReferenceEquals(input, Console.In))
            return input.ReadLine()?.TrimEnd('\r', '\n');
        output.Write("Password for the new organizer: ");
        var chars = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (chars.Length > 0) chars.Length--; continue; }
            chars.Append(key.KeyChar);
        }
        output.WriteLine();
        return chars.ToString();
    }
}
