namespace Copilot.Compliance.Rules;

/// <summary>A rule file that cannot be used: bad JSON, a missing field, an unknown check kind, a pattern that does not compile.</summary>
public sealed class ComplianceRulesException(string message, Exception? inner = null) : Exception(message, inner);
