namespace Copilot.Clients;

/// <summary>An import body the service cannot read at all (not UTF-8, or neither CSV nor JSON lines): a 415 naming the field.</summary>
public sealed class ClientImportFormatException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
