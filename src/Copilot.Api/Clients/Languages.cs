using Copilot.Common;

namespace Copilot.Api.Clients;

/// <summary>The language of reasons and titles a request asks for: zh (default) or en.</summary>
internal static class Languages
{
    public static string Parse(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        null or "" or "zh" or "zh-cn" or "zh-hans" => "zh",
        "en" or "en-us" or "en-gb" => "en",
        _ => throw new InputValidationException("language", "Use zh or en."),
    };
}
