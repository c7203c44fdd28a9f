using System.Globalization;
using CsvHelper;

namespace AiEngineer.Web.Infrastructure.Site;

/// <summary>CSV downloads with CsvHelper. Cells that a spreadsheet would run as a formula are neutralised.</summary>
public static class CsvExport
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>Prefixes a quote to text a spreadsheet would treat as a formula (OWASP's CSV injection advice).</summary>
    public static string? Neutralize(string? cell) =>
        string.IsNullOrEmpty(cell) || Array.IndexOf(FormulaStarts, cell[0]) < 0 ? cell : "'" + cell;

    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var buffer = new MemoryStream();
        // Our own neutralising is explicit (and tested); the library's is left off so cells are not escaped twice.
        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = true, NewLine = "\r\n" };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            foreach (var h in header) csv.WriteField(h);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(Neutralize(cell) ?? "");
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }
}
