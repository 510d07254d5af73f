using System.Globalization;

namespace SiteAgent.Backends.Settings;

/// <summary>Turns YAML scalar text into numbers and booleans as leniently as the reference's validator.</summary>
public static class ScalarCoercion
{
    /// <summary>Parses true/false, yes/no, on/off, y/n, t/f and 1/0 in any case.</summary>
    public static bool TryBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "y" or "t" or "1":
                value = true;
                return true;
            case "false" or "no" or "off" or "n" or "f" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Parses a decimal number; plain YAML scalars may use <c>_</c> digit separators (YAML 1.1).</summary>
    public static bool TryNumber(string text, bool isQuoted, out decimal value)
    {
        var candidate = text.Trim();
        if (!isQuoted)
        {
            candidate = candidate.Replace("_", string.Empty, StringComparison.Ordinal);
        }

        return decimal.TryParse(candidate, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
