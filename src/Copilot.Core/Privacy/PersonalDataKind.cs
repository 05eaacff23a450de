namespace Copilot.Privacy;

/// <summary>The kinds of personal data and secrets the service finds in free text, to mask them before a log or a model sees them.</summary>
public enum PersonalDataKind { Name, Phone, IdCard, BankCard, Account, Email, Secret }

/// <summary>Where in a text one piece of personal data was found.</summary>
public readonly record struct PersonalDataMatch(int Index, int Length, PersonalDataKind Kind);
