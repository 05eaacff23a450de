namespace Copilot.Drafting;

/// <summary>Where a client message is in review. Only Approved messages may be sent.</summary>
public enum DraftStatus { PendingReview, Approved, Rejected, ChangesRequested, Sent }
