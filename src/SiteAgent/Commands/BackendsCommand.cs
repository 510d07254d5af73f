using System.CommandLine;
using System.Text.Json;
using SiteAgent.Backends.Registry;

namespace SiteAgent.Commands;

/// <summary><c>backends list</c>: the backends compiled into this binary, from the generated registry.</summary>
public static class BackendsCommand
{
    /// <summary>Creates the <c>backends</c> command group.</summary>
    public static Command Create(CommandServices services)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var list = new Command("list", "List the backends built into this binary: id, version, capabilities.");
        list.Options.Add(json);
        list.SetAction(parse =>
        {
            var backends = services.Catalog.All;
            if (parse.GetValue(json))
            {
                services.Output.WriteLine(ToJson(backends));
            }
            else
            {
                WriteTable(services.Output, backends);
            }

            return ExitCodes.Success;
        });

        var group = new Command("backends", "Inspect the backends compiled into this binary.");
        group.Subcommands.Add(list);
        return group;
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<BackendDescriptor> backends)
    {
        var rows = backends.Select(b => (b.Id, b.Version, Capabilities: string.Join(",", b.Capabilities), b.DisplayName)).ToList();
        var idWidth = Math.Max(2, rows.Select(r => r.Id.Length).DefaultIfEmpty(0).Max());
        var versionWidth = Math.Max(7, rows.Select(r => r.Version.Length).DefaultIfEmpty(0).Max());
        var capabilityWidth = Math.Max(12, rows.Select(r => r.Capabilities.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"ID".PadRight(idWidth)}  {"VERSION".PadRight(versionWidth)}  {"CAPABILITIES".PadRight(capabilityWidth)}  NAME");
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Id.PadRight(idWidth)}  {row.Version.PadRight(versionWidth)}  {row.Capabilities.PadRight(capabilityWidth)}  {row.DisplayName}");
        }
    }

    private static string ToJson(IReadOnlyList<BackendDescriptor> backends)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var backend in backends)
            {
                writer.WriteStartObject();
                writer.WriteString("id", backend.Id);
                writer.WriteString("display_name", backend.DisplayName);
                writer.WriteString("version", backend.Version);
                writer.WriteString("description", backend.Description);
                writer.WriteString("type", backend.TypeName);
                writer.WriteStartArray("capabilities");
                foreach (var capability in backend.Capabilities)
                {
                    writer.WriteStringValue(capability);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
