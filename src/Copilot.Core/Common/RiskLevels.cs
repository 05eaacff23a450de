namespace Copilot.Common;

/// <summary>Risk classes C1–C5 and risk levels R1–R5 as numbers.</summary>
public static class RiskLevels
{
    public static int? Level(string? code) =>
        code is { Length: 2 } && (code[0] is 'R' or 'r' or 'C' or 'c') && code[1] is >= '1' and <= '5' ? code[1] - '0' : null;
}
