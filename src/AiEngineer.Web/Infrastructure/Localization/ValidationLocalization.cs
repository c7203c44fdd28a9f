using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AiEngineer.Web.Infrastructure.Localization;

/// <summary>
/// Validation messages and field names in the visitor's language. A form's <c>[Display(Name = …)]</c> and
/// <c>ErrorMessage</c> strings are looked up in its feature's own resource (the <c>…Text</c> class in the page model's
/// namespace, e.g. <c>TicketsText</c> for <c>Pages.Tickets.CheckoutModel</c>), then in <c>SiteText</c>, which holds the
/// standard messages of attributes that give none (<c>[Required]</c>: "The {0} field is required.") and of model binding.
/// </summary>
public static class ValidationLocalization
{
    public static IMvcBuilder AddValidationLocalization(this IMvcBuilder mvc)
    {
        mvc.AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (type, factory) => For(type, factory));
        mvc.Services.AddSingleton<IConfigureOptions<MvcOptions>, BindingMessages>();
        mvc.Services.Configure<MvcOptions>(o => o.ModelMetadataDetailsProviders.Add(new DefaultMessages()));
        return mvc;
    }

    private static readonly ConcurrentDictionary<string, Type?> FeatureTexts = new();

    /// <summary>The feature's resource for a model type, falling back to the shared one.</summary>
    public static IStringLocalizer For(Type model, IStringLocalizerFactory factory)
    {
        var shared = factory.Create(typeof(Pages.Shared.SiteText));
        var feature = FeatureText(model);
        return feature is null || feature == typeof(Pages.Shared.SiteText) ? shared : new Fallback(factory.Create(feature), shared);
    }

    /// <summary>The <c>…Text</c> marker class in the model's namespace or the nearest enclosing one.</summary>
    public static Type? FeatureText(Type model)
    {
        var ns = (model.DeclaringType ?? model).Namespace ?? "";
        return FeatureTexts.GetOrAdd(ns, n =>
        {
            var types = typeof(ValidationLocalization).Assembly.GetTypes();
            for (var space = n; space.Length > 0; space = space.Contains('.') ? space[..space.LastIndexOf('.')] : "")
                if (types.FirstOrDefault(t => t.Namespace == space && t.Name.EndsWith("Text", StringComparison.Ordinal) && t != typeof(Pages.Shared.StatusText)) is { } found)
                    return found;
            return null;
        });
    }

    /// <summary>The first localizer that has the string; the second's (or the key itself) otherwise.</summary>
    private sealed class Fallback(IStringLocalizer first, IStringLocalizer second) : IStringLocalizer
    {
        public LocalizedString this[string name] => first[name] is { ResourceNotFound: false } s ? s : second[name];

        public LocalizedString this[string name, params object[] arguments] =>
            first[name] is { ResourceNotFound: false } ? first[name, arguments] : second[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            first.GetAllStrings(includeParentCultures).Concat(second.GetAllStrings(includeParentCultures));
    }

    /// <summary>
    /// Gives each validation attribute that has no message of its own the framework's English one as its message, so that
    /// the localizer above is asked for it (an attribute without ErrorMessage is never localized).
    /// </summary>
    private sealed class DefaultMessages : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.Attributes.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null) continue;
                // Only a known message: setting null would erase an attribute's own default (it then throws when validating).
                if (Default(attribute) is { } message) attribute.ErrorMessage = message;
            }
        }

        public static string? Default(ValidationAttribute attribute) => attribute switch
        {
            RequiredAttribute => "The {0} field is required.",
            StringLengthAttribute { MinimumLength: > 0 } => "The field {0} must be a string with a minimum length of {2} and a maximum length of {1}.",
            StringLengthAttribute => "The field {0} must be a string with a maximum length of {1}.",
            MaxLengthAttribute => "The field {0} must be a string or array type with a maximum length of '{1}'.",
            RangeAttribute => "The field {0} must be between {1} and {2}.",
            EmailAddressAttribute => "The {0} field is not a valid e-mail address.",
            UrlAttribute => "The {0} field is not a valid fully-qualified http, https, or ftp URL.",
            CompareAttribute => "'{0}' and '{1}' do not match.",
            RegularExpressionAttribute => "The field {0} must match the regular expression '{1}'.",
            _ => null,
        };
    }

    /// <summary>Model binding's own messages ("The value 'x' is not valid for Quantity."), through the shared resource.</summary>
    private sealed class BindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var s = factory.Create(typeof(Pages.Shared.SiteText));
            var m = options.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => s["The value '{0}' is not valid for {1}.", value, field]);
            m.SetMissingBindRequiredValueAccessor(field => s["A value for the '{0}' parameter or property was not provided.", field]);
            m.SetMissingKeyOrValueAccessor(() => s["A value is required."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => s["A non-empty request body is required."]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => s["The value '{0}' is not valid.", value]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => s["The supplied value is invalid."]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => s["The field must be a number."]);
            m.SetUnknownValueIsInvalidAccessor(field => s["The supplied value is invalid for {0}.", field]);
            m.SetValueIsInvalidAccessor(value => s["The value '{0}' is invalid.", value]);
            m.SetValueMustBeANumberAccessor(field => s["The field {0} must be a number.", field]);
            m.SetValueMustNotBeNullAccessor(value => s["The value '{0}' is invalid.", value]);
        }
    }
}
