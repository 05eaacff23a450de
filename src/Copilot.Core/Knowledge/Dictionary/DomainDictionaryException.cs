namespace Copilot.Knowledge.Dictionary;

/// <summary>A dictionary file the service cannot use; the message names the file and the entry.</summary>
public sealed class DomainDictionaryException(string message, Exception? inner = null) : Exception(message, inner);
