namespace SiteAgent.Backends.Settings;

/// <summary>Builds the key paths used in config messages (<c>offerings[1].backend_components.cpu</c>).</summary>
public static class ConfigPaths
{
    /// <summary>The path of a mapping key under a parent path.</summary>
    public static string Child(string parent, string key) =>
        string.IsNullOrEmpty(parent) ? key : parent + "." + key;

    /// <summary>The path of a list item under a parent path.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
