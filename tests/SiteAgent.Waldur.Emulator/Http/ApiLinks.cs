namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Builds the absolute hyperlinks Waldur puts in <c>url</c>, <c>project</c>, <c>offering</c>… fields.</summary>
public sealed class ApiLinks(string root)
{
    /// <summary>Base of the API, e.g. <c>http://127.0.0.1:5000/api/</c>.</summary>
    public string Api { get; } = root.TrimEnd('/') + "/api/";

    /// <summary><c>{api}{collection}/{uuid}/</c>.</summary>
    public string To(string collection, string uuid) => $"{Api}{collection}/{uuid}/";

    public string Customer(string uuid) => To("customers", uuid);
    public string Project(string uuid) => To("projects", uuid);
    public string User(string uuid) => To("users", uuid);
    public string Offering(string uuid) => To("marketplace-provider-offerings", uuid);
    public string PublicOffering(string uuid) => To("marketplace-public-offerings", uuid);
    public string Plan(string uuid) => To("marketplace-plans", uuid);
    public string Resource(string uuid) => To("marketplace-resources", uuid);
    public string Order(string uuid) => To("marketplace-orders", uuid);
    public string OfferingUser(string uuid) => To("marketplace-offering-users", uuid);
    public string ComponentUsage(string uuid) => To("marketplace-component-usages", uuid);
}
