using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>For pages with several forms bound at once: only the posted form's errors count.</summary>
public static class ModelStateScope
{
    /// <summary>Drops every entry whose key does not start with <paramref name="prefix"/> (the posted form's property name).</summary>
    public static void KeepOnly(this ModelStateDictionary modelState, string prefix)
    {
        foreach (var key in modelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            modelState.Remove(key);
    }
}
