using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Copilot.Common;
using Sylvan.Data.Csv;

namespace Copilot.Clients;

/// <summary>The two formats the CRM sends portraits in.</summary>
public enum ClientImportFormat { Csv, JsonLines }

/// <summary>One row as written: its fields by contract name, or why it could not even be split into fields.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string?>? Fields, RejectedRow? Rejection);

/// <summary>
/// Reads an import body: UTF-8 (a BOM is fine; the endpoint has decoded a declared GB18030 or GBK charset already), CSV with a
/// header row (Sylvan.Data.Csv) or JSON lines. A body that is not UTF-8 is a 415 saying whether it reads as GB18030; a CSV header with unknown, repeated or missing required columns is a 400 naming header — both before any
/// row is read, so nothing of such a file is written.
/// </summary>
public static class ClientImportReader
{
    /// <summary>Checks the encoding (and a CSV's header) and counts the rows, without parsing them.</summary>
    public static int Count(ReadOnlyMemory<byte> content, ClientImportFormat format)
    {
        var text = Decode(content);
        if (format == ClientImportFormat.JsonLines) return Lines(text).Count(l => l.Text.Length > 0);
        using var csv = OpenCsv(text, out _);
        var rows = 0;
        while (csv.Read()) rows++;
        return rows;
    }

    public static IEnumerable<ImportRow> Read(ReadOnlyMemory<byte> content, ClientImportFormat format) =>
        format == ClientImportFormat.JsonLines ? ReadJsonLines(Decode(content)) : ReadCsv(Decode(content));

    private static string Decode(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (!Utf8.IsValid(bytes))
            throw new ClientImportFormatException("file", ReadsAsGb18030(bytes)
                ? "The file is not UTF-8 text; it reads as GB18030 (or GBK), as Chinese Excel and CRMs export it: send it with Content-Type: text/csv; charset=gb18030, or as UTF-8."
                : "The file is not UTF-8 text; send it as UTF-8, or name its charset on the content type (gb18030 and gbk are read).");
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Whether the bytes decode strictly as GB18030: then the message names it rather than guessing mojibake rows.</summary>
    private static bool ReadsAsGb18030(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static IEnumerable<ImportRow> ReadCsv(string text)
    {
        using var csv = OpenCsv(text, out var columns);
        var row = 1;
        while (csv.Read())
        {
            row++;
            if (csv.RowFieldCount > columns.Length)
            {
                yield return new ImportRow(row, null, new RejectedRow(row, "row", $"{csv.RowFieldCount} cells, but the header has {columns.Length} columns."));
                continue;
            }
            var fields = new Dictionary<string, string?>(columns.Length);
            for (var i = 0; i < columns.Length; i++) fields[columns[i]] = i < csv.RowFieldCount ? csv.GetString(i) : null;
            yield return new ImportRow(row, fields, null);
        }
    }

    private static CsvDataReader OpenCsv(string text, out string[] header)
    {
        var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = 4 * 1024 * 1024 });
        var columns = header = new string[csv.FieldCount];
        var problems = new List<string>();
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetName(i);
            var canonical = ClientFields.Canonical(name);
            if (canonical is null) problems.Add($"unknown column '{Shorten(name)}' (column {i + 1})");
            else if (columns.Contains(canonical)) problems.Add($"column '{canonical}' appears twice");
            columns[i] = canonical ?? "";
        }
        var missing = ClientFields.Required.Where(r => !columns.Contains(r)).ToList();
        if (missing.Count > 0) problems.Add($"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}");
        if (problems.Count > 0)
        {
            csv.Dispose();
            throw new InputValidationException("header", $"The header row is not the portrait contract: {string.Join("; ", problems)}. Columns: {string.Join(", ", ClientFields.All)}.");
        }
        return csv;
    }

    private static IEnumerable<ImportRow> ReadJsonLines(string text)
    {
        foreach (var (number, line) in Lines(text))
        {
            if (line.Length == 0) continue;
            yield return ParseLine(number, line);
        }
    }

    private static ImportRow ParseLine(int number, string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return new ImportRow(number, null, new RejectedRow(number, "row", "Each line must be one JSON object."));
            var fields = new Dictionary<string, string?>();
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (ClientFields.Canonical(property.Name) is not { } name)
                    return new ImportRow(number, null, new RejectedRow(number, Shorten(property.Name), "Not a field of the portrait contract."));
                fields[name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            }
            return new ImportRow(number, fields, null);
        }
        catch (JsonException)
        {
            return new ImportRow(number, null, new RejectedRow(number, "row", "Not valid JSON."));
        }
    }

    private static IEnumerable<(int Number, string Text)> Lines(string text)
    {
        using var reader = new StringReader(text);
        var number = 0;
        while (reader.ReadLine() is { } line) yield return (++number, line.Trim());
    }

    private static string Shorten(string name) => name.Length > 40 ? name[..40] + "…" : name;
}
