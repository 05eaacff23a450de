namespace Copilot.Privacy;

/// <summary>Configuration section "Privacy": what personal data may leave the service.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Send ID card, bank card, phone and account numbers in chat messages to the model as typed. Off by default: they
    /// are replaced by placeholders ([身份证号]) before the model, the embeddings or the conversation record see them.
    /// </summary>
    public bool SendIdentifiersToModel { get; set; }
}
