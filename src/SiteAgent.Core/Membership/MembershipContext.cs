using SiteAgent.Backends.Capabilities;
using SiteAgent.Core.Offerings;
using SiteAgent.Core.Runtime;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Membership;

/// <summary>What the membership sync of one offering shares between resources during a cycle.</summary>
/// <param name="Runtime">The running agent.</param>
/// <param name="Session">The offering's session.</param>
/// <param name="Backend">Its membership backend.</param>
/// <param name="Waldur">Its client, with write retries off (every write is decided from a fresh read).</param>
/// <param name="Sources">The cycle's Waldur reads.</param>
/// <param name="Statuses">Membership statuses last sent per resource, kept across cycles so that an unchanged report is not sent again.</param>
public sealed record MembershipContext(
    AgentRuntime Runtime,
    OfferingSession Session,
    IMembershipBackend Backend,
    WaldurClient Waldur,
    MembershipSources Sources,
    MembershipStatusMemory Statuses);
