namespace SiteAgent.Waldur.Emulator.State;

/// <summary>Lookups by the natural keys scenarios and request bodies use (uuid, slug, name, username, URL).</summary>
public sealed partial class EmulatorState
{
    public User? FindUser(string key) => Users.Find(key) ?? Users.FirstOrDefault(u => u.Username == key);

    public Role? FindRole(string key) => Roles.Find(key) ?? Roles.FirstOrDefault(r => r.Name == key);

    public Customer? FindCustomer(string key) => Customers.Find(key) ?? Customers.FirstOrDefault(c => c.Slug == key || c.Name == key);

    public Project? FindProject(string key) => Projects.Find(key) ?? Projects.FirstOrDefault(p => p.Slug == key || p.Name == key);

    public Offering? FindOffering(string key) => Offerings.Find(key) ?? Offerings.FirstOrDefault(o => o.Slug == key || o.Name == key);

    public Resource? FindResource(string key) => Resources.Find(key) ?? Resources.FirstOrDefault(r => r.Slug == key || r.Name == key);

    public Plan? FindPlan(Offering offering, string key) =>
        offering.Plans.FirstOrDefault(p => p.Uuid == Entity.NormalizeUuid(key) || p.Name == key);

    /// <summary>The service provider of a customer, created on first use as Waldur does when an offering is published.</summary>
    public ServiceProvider ProviderOf(Customer customer) =>
        ServiceProviders.FirstOrDefault(p => p.Customer == customer) ?? Add(ServiceProviders, new ServiceProvider { Customer = customer });

    /// <summary>The uuid segment of a hyperlink such as <c>http://…/api/projects/&lt;uuid&gt;/</c>, or the text itself.</summary>
    public static string LastSegment(string urlOrUuid) =>
        urlOrUuid.TrimEnd('/').Split('/')[^1];

    /// <summary>A slug from a name: lower-case letters, digits and dashes, unique within <paramref name="taken"/>.</summary>
    public static string Slugify(string name, IEnumerable<string> taken)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length == 0) slug = "item";
        if (slug.Length > 40) slug = slug[..40];
        var existing = taken.ToHashSet(StringComparer.Ordinal);
        var candidate = slug;
        for (var i = 1; existing.Contains(candidate); i++) candidate = $"{slug}-{i}";
        return candidate;
    }
}
