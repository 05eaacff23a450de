using System.Globalization;
using System.Text.RegularExpressions;
using Copilot.Privacy;
using Microsoft.Extensions.Compliance.Redaction;
using Serilog.Events;
using Serilog.Parsing;

namespace Copilot.Api.Hosting.Logging;

/// <summary>
/// Masks personal data and secrets in a log event: every rendered property (nested ones too), the message template's
/// text and the exception. Values are found by pattern (<see cref="PersonalDataFinder"/>) or by a property's name
/// (ClientName, Phone, ApiKey …); the redactor registered for the value's classification writes what replaces it.
/// </summary>
public sealed partial class LogEventRedactor(IRedactorProvider redactors, IEnumerable<string> knownSecrets)
{
    private readonly string[] _secrets = knownSecrets.Where(s => s.Length >= 6).Distinct().OrderByDescending(s => s.Length).ToArray();
    private static readonly MessageTemplateParser Parser = new();

    public LogEvent Redact(LogEvent e)
    {
        var changed = false;
        var properties = new List<LogEventProperty>(e.Properties.Count);
        foreach (var (name, value) in e.Properties)
        {
            var redacted = Redact(name, value);
            changed |= !ReferenceEquals(redacted, value);
            properties.Add(new LogEventProperty(name, redacted));
        }
        var text = Scrub(e.MessageTemplate.Text);
        var template = text == e.MessageTemplate.Text ? e.MessageTemplate : Parser.Parse(text);
        if (!changed && e.Exception is null && ReferenceEquals(template, e.MessageTemplate)) return e;
        var exception = e.Exception is null or RedactedException ? e.Exception : new RedactedException(e.Exception, Scrub);
        return new LogEvent(e.Timestamp, e.Level, exception, template, properties, e.TraceId ?? default, e.SpanId ?? default);
    }

    /// <summary>The text with every identifier, name and secret replaced by its class, e.g. [phone].</summary>
    public string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var secret in _secrets)
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask(PersonalDataKind.Secret, secret), StringComparison.Ordinal);
        return PersonalDataFinder.Replace(text, strict: true, Mask);
    }

    private string Mask(PersonalDataKind kind, string value)
    {
        var redacted = redactors.GetRedactor(PersonalDataClasses.For(kind)).Redact(value);
        return redacted.Length == 0 ? $"[{PersonalDataClasses.Label(kind)}]" : $"[{PersonalDataClasses.Label(kind)}:{redacted}]";
    }

    private LogEventPropertyValue Redact(string? name, LogEventPropertyValue value, bool ofPerson = false)
    {
        if (name is not null && KindOfProperty(name, ofPerson) is { } kind && value is not ScalarValue { Value: null })
            return new ScalarValue(Mask(kind, value.ToString()));
        switch (value)
        {
            case ScalarValue { Value: null or bool or DateTime or DateTimeOffset or TimeSpan or Guid or double or float or LogEventLevel }:
                return value;
            case ScalarValue scalar:
                var text = scalar.Value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : scalar.Value.ToString() ?? "";
                var scrubbed = Scrub(text);
                return scrubbed == text ? value : new ScalarValue(scrubbed);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(v => Redact(null, v)).ToList();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                // A client's (or any person's) Name is a personal name, wherever the object was logged.
                var person = PersonHolder().IsMatch(name ?? "") || PersonHolder().IsMatch(structure.TypeTag ?? "");
                var members = structure.Properties.Select(p => (p, Redact(p.Name, p.Value, person))).ToList();
                return members.All(m => ReferenceEquals(m.p.Value, m.Item2)) ? value
                    : new StructureValue(members.Select(m => new LogEventProperty(m.p.Name, m.Item2)), structure.TypeTag);
            case DictionaryValue dictionary:
                // Keys are data too (a header name is not, but a dictionary keyed by phone number is).
                return new DictionaryValue(dictionary.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                    (ScalarValue)Redact(null, kv.Key), Redact(kv.Key.Value?.ToString(), kv.Value, PersonHolder().IsMatch(name ?? "")))));
            default:
                return value;
        }
    }

    private static PersonalDataKind? KindOfProperty(string name, bool ofPerson)
    {
        if (SecretName().IsMatch(name)) return PersonalDataKind.Secret;
        if (PersonName().IsMatch(name) || (ofPerson && name.Equals("Name", StringComparison.OrdinalIgnoreCase))) return PersonalDataKind.Name;
        if (PhoneName().IsMatch(name)) return PersonalDataKind.Phone;
        if (IdName().IsMatch(name)) return PersonalDataKind.IdCard;
        if (CardName().IsMatch(name)) return PersonalDataKind.BankCard;
        if (EmailName().IsMatch(name)) return PersonalDataKind.Email;
        return null;
    }

    [GeneratedRegex("password|passwd|secret|apikey|api_key|authorization|cookie|token$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("(client|customer|person|full|holder|contact|recipient|account)_?name$", RegexOptions.IgnoreCase)]
    private static partial Regex PersonName();

    [GeneratedRegex("client|customer|person|holder|contact|recipient|portrait", RegexOptions.IgnoreCase)]
    private static partial Regex PersonHolder();

    [GeneratedRegex("phone|mobile", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneName();

    [GeneratedRegex("id_?card|id_?number|identity_?number", RegexOptions.IgnoreCase)]
    private static partial Regex IdName();

    [GeneratedRegex("bank_?card|card_?number", RegexOptions.IgnoreCase)]
    private static partial Regex CardName();

    [GeneratedRegex("e_?mail", RegexOptions.IgnoreCase)]
    private static partial Regex EmailName();
}
