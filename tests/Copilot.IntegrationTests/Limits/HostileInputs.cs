using System.Text;
using System.Text.Json.Nodes;

namespace Copilot.IntegrationTests.Limits;

/// <summary>
/// The fuzzer's grammar: hostile route values, query strings and bodies, and mutants of valid bodies (every leaf
/// replaced by every hostile value). Deterministic, so a failure names a case that can be replayed.
/// </summary>
public static class HostileInputs
{
    // No %00 here: the test host refuses a NUL in a path before the app sees it (Kestrel answers 400); queries and bodies carry it.
    public static readonly string[] RouteValues =
    [
        "x", "does-not-exist", new string('a', 5000), "张三", "%01%1F%7F", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "13812345678",
        "'%20OR%201=1%20--", "%E2%80%AE%E2%80%8B", "-1", "dft_00000000000000000000000000000000",
    ];

    public static readonly string[] QueryStrings =
    [
        "", "?q=" + new string('险', 5000) + "&top=50", "?q=%FF%FE&top=abc", "?q=x&top=-1", "?q=x&top=2147483648",
        "?page=0&pageSize=100000", "?page=2147483647&pageSize=200", "?page=abc", "?status=%00&advisorId=%E2%80%AE",
        "?q=x&validOn=9999-99-99&includeExpired=maybe", "?q=x&type=__proto__&audience=&productCode=" + new string('E', 3000),
        "?recordedHash=" + new string('f', 5000), "?q=x&q=y&top=1&top=2", "?%=%&&=&q",
    ];

    /// <summary>Raw bodies with the content type they are sent as.</summary>
    public static IEnumerable<(string Name, HttpContent Content)> Bodies()
    {
        foreach (var text in new[]
        {
            "", "null", "[]", "{}", "123", "\"text\"", "{", "{\"message\":", "{\"a\":NaN}", "{\"a\":1e999}", "{\"text\":\"\\ud800\"}",
            "{\"message\":\"\u0000\u0001\u001b[31m\u202e\"}", "[" + string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "]",
            string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000), "{\"message\":\"" + new string('字', 200_000) + "\"}",
            "{\"messages\":[1,2],\"client\":[null],\"products\":[null],\"holdings\":[null]}",
        })
            yield return ($"json:{Shorten(text)}", new StringContent(text, Encoding.UTF8, "application/json"));
        yield return ("json:invalid-utf8", Bytes([0x7B, 0x22, 0x6D, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xC0, 0x22, 0x7D], "application/json"));
        yield return ("text/plain", new StringContent("{\"message\":\"你好\"}", Encoding.UTF8, "text/plain"));
        yield return ("xml", new StringContent("<a>1</a>", Encoding.UTF8, "application/xml"));
        yield return ("form-urlencoded", new StringContent("message=%E4%BD%A0&text=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        yield return ("multipart-no-boundary", new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\nx\r\n--x--", Encoding.UTF8, "multipart/form-data"));
        yield return ("multipart-truncated", Bytes(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\n\r\nPK\u0003\u0004"), "multipart/form-data; boundary=b"));
        yield return ("multipart-empty", Bytes([], "multipart/form-data; boundary=b"));
        yield return ("multipart-no-file", new MultipartFormDataContent { { new StringContent("faq"), "type" } });
        yield return ("multipart-empty-docx", new MultipartFormDataContent { { new ByteArrayContent([]), "file", "a.docx" }, { new StringContent("faq"), "type" } });
        yield return ("multipart-pdf-garbage", new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7 \u0000"u8.ToArray()), "file", "a.pdf" }, { new StringContent("faq"), "type" } });
        yield return ("no-content-type", Bytes("{\"message\":\"你好\"}"u8.ToArray(), null));
    }

    /// <summary>What every leaf of a valid body is replaced with, one at a time.</summary>
    public static readonly Func<JsonNode?>[] LeafValues =
    [
        () => null, () => 0, () => -1, () => 1e308, () => "NaN", () => "Infinity", () => true, () => new JsonArray(),
        // 10,000 characters of ordinary prose. (One unbroken run of a single CJK character is far slower to chunk:
        // the cl100k tokenizer is quadratic in a pre-token's length; noted, not fixed here.)
        () => new JsonObject(), () => new JsonArray((JsonNode?)null), () => string.Concat(Enumerable.Repeat("长期持有，", 2000)), () => "\u0000\u202e\u200b",
        () => "13812345678", () => JsonNode.Parse(string.Concat(Enumerable.Repeat("[", 60)) + new string(']', 60)),
    ];

    /// <summary>The body with one leaf (or container) replaced, for every place and every hostile value.</summary>
    public static IEnumerable<(string Path, string Body)> Mutants(JsonNode valid)
    {
        foreach (var path in Paths(valid, "$"))
            for (var v = 0; v < LeafValues.Length; v++)
            {
                var copy = valid.DeepClone();
                Replace(copy, path, LeafValues[v]());
                yield return ($"{path}={v}", copy.ToJsonString());
            }
    }

    private static IEnumerable<string> Paths(JsonNode? node, string path)
    {
        if (path != "$") yield return path;
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o) foreach (var p in Paths(child, $"{path}.{key}")) yield return p;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) foreach (var p in Paths(a[i], $"{path}[{i}]")) yield return p;
                break;
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var steps = System.Text.RegularExpressions.Regex.Matches(path, @"\.([^.\[]+)|\[(\d+)\]").Select(m => m.Groups[1].Success ? (object)m.Groups[1].Value : int.Parse(m.Groups[2].Value)).ToList();
        var parent = root;
        foreach (var step in steps.SkipLast(1)) parent = step is string key ? parent[key]! : parent[(int)step]!;
        if (steps[^1] is string last) parent[last] = value;
        else parent[(int)steps[^1]] = value;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + $"…({text.Length})";
}
