namespace SiteAgent.Waldur.Contract;

/// <summary>The operationIds of operations.md, shipped beside the schema: what the agent is documented to call.</summary>
public static class DocumentedOperations
{
    /// <summary>The ids of both operation tables ("Operations" and "Operations not in schema 8.0.9"), in file order.</summary>
    public static List<string> Ids()
    {
        var path = Path.Combine(Path.GetDirectoryName(WaldurContract.DefaultSchemaPath())!, "operations.md");
        var ids = new List<string>();
        var inTable = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inTable = line is "## Operations" or "## Operations not in schema 8.0.9";
            }

            if (inTable && line.StartsWith("| `", StringComparison.Ordinal))
            {
                ids.Add(line.Split('`')[1]);
            }
        }

        return ids;
    }
}
