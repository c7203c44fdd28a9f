using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace AiEngineer.Web.Infrastructure.Content;

/// <summary>
/// Makes an uploaded SVG logo safe to serve, or refuses it. DTDs are prohibited (no entity expansion bombs, no external
/// entities); only drawing elements survive (no script, foreignObject, style blocks, filters, images or animation);
/// event handlers, javascript:/data: and external references are removed. The result is re-serialised, never the input.
/// </summary>
public static partial class SvgSanitizer
{
    public const int MaxBytes = 2 * 1024 * 1024;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> AllowedElements =
    [
        "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern",
    ];

    public static (string? Svg, Core.Messages.Problem? Error) Sanitize(byte[] bytes)
    {
        const string refused = "That SVG could not be read safely. Please upload a plain SVG (no scripts, embedded images or DTDs) or a PNG.";
        if (bytes.Length == 0) return (null, "The file is empty.");
        if (bytes.Length > MaxBytes) return (null, "The logo is larger than 2 MB. Please upload a smaller file.");
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
                MaxCharactersInDocument = 10_000_000,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return (null, refused);
        }
        var root = doc.Root;
        if (root is null || root.Name != Svg + "svg") return (null, "That file is not an SVG image.");

        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            if (element.Name.Namespace != Svg || !AllowedElements.Contains(element.Name.LocalName))
            {
                element.Remove();
                continue;
            }
            foreach (var attribute in element.Attributes().ToList())
                if (!SafeAttribute(attribute)) attribute.Remove();
        }
        if (!root.Descendants().Any()) return (null, "That SVG has nothing left to draw once made safe.");

        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Encoding.UTF8 }))
            root.WriteTo(writer);
        return (output.ToString(), null);
    }

    private static bool SafeAttribute(XAttribute a)
    {
        if (a.IsNamespaceDeclaration) return a.Value is "http://www.w3.org/2000/svg" or "http://www.w3.org/1999/xlink";
        var name = a.Name.LocalName;
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return false;
        if (a.Name.Namespace != XNamespace.None && a.Name.Namespace != XLink && a.Name.Namespace != XNamespace.Xml) return false;
        var value = a.Value.Trim();
        if (name == "href") return value.StartsWith('#'); // same-document references only
        if (Dangerous().IsMatch(value)) return false;
        return true;
    }

    /// <summary>Script URLs, data URLs, CSS expressions and imports, and url(...) that points outside the document.</summary>
    [GeneratedRegex(@"javascript:|vbscript:|data:|expression\s*\(|@import|url\s*\(\s*['""]?\s*(?!#)", RegexOptions.IgnoreCase)]
    private static partial Regex Dangerous();
}
