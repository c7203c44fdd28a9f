using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Xml.Linq;
using AiEngineer.Web.Infrastructure.Localization;
using AiEngineer.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiEngineer.Web.Tests.Site;

/// <summary>Field names, validation messages and status labels all have their strings, so no form speaks English to a Chinese visitor.</summary>
public class ValidationTextTests
{
    private static readonly string Web = Path.Combine(Root(), "src", "AiEngineer.Web");

    /// <summary>Features whose forms are not translated yet; each is removed from here as it is.</summary>
    private static readonly string[] NotYetTranslated =
    [
    ];

    private static HashSet<string> Keys(string resource) =>
        Directory.EnumerateFiles(Web, resource + ".resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)).ToHashSet();

    /// <summary>Every bound model of every page: the page model and the types of its [BindProperty] properties.</summary>
    private static IEnumerable<Type> FormModels() =>
        typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(page => new[] { page }.Concat(page.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)))
            .Distinct();

    [Fact]
    public void Every_field_name_and_validation_message_of_a_translated_form_is_in_its_features_resource_or_the_shared_one()
    {
        var shared = Keys(nameof(SiteText));
        var problems = new List<string>();
        var checkedStrings = 0;
        foreach (var model in FormModels().Where(m => !NotYetTranslated.Any(n => m.FullName!.StartsWith(n, StringComparison.Ordinal))))
        {
            var feature = ValidationLocalization.FeatureText(model);
            var keys = feature is null ? shared : Keys(feature.Name).Concat(shared).ToHashSet();
            foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var strings = property.GetCustomAttributes<ValidationAttribute>(true).Select(a => a.ErrorMessage)
                    .Append(property.GetCustomAttribute<DisplayAttribute>()?.Name)
                    .Where(s => s is not null);
                foreach (var s in strings)
                {
                    checkedStrings++;
                    if (!keys.Contains(s!)) problems.Add($"{model.FullName}.{property.Name}: \"{s}\" is in neither {feature?.Name ?? "(no feature resource)"}.resx nor SiteText.resx");
                }
                // A validated field without a display name would show its C# name inside the message.
                if (property.GetCustomAttributes<ValidationAttribute>(true).Any(a => a.ErrorMessage is null || a.ErrorMessage.Contains("{0}"))
                    && property.GetCustomAttribute<DisplayAttribute>() is null && property.PropertyType.Namespace == "System")
                    problems.Add($"{model.FullName}.{property.Name}: validated with a message that names the field, but has no [Display(Name = …)]");
            }
        }
        Assert.True(checkedStrings > 0, "no translated form found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_state_and_kind_a_person_sees_has_a_label_in_both_languages()
    {
        var english = Keys(nameof(StatusText));
        var chinese = XDocument.Load(Path.Combine(Web, "Pages", "Shared", "StatusText.zh-Hans.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value"));
        var problems = new List<string>();
        foreach (var type in StatusText.Enums)
            foreach (Enum value in Enum.GetValues(type))
            {
                var label = StatusText.English(value);
                if (!english.Contains(label)) problems.Add($"{type.Name}.{value}: \"{label}\" is not in StatusText.resx");
                else if (string.IsNullOrWhiteSpace(chinese.GetValueOrDefault(label))) problems.Add($"{type.Name}.{value}: \"{label}\" has no Chinese");
            }
        Assert.Equal("Refund due", StatusText.English(Core.Tickets.OrderStatus.RefundDue));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiEngineer.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
