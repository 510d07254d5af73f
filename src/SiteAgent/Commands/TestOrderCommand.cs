using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiteAgent.Backends;
using SiteAgent.Core.Config;
using SiteAgent.Core.Operator.TestOrders;
using SiteAgent.Waldur.Secrets;
using SiteAgent.Waldur.Json;

namespace SiteAgent.Commands;

/// <summary>
/// <c>test-order</c>: renders order templates and checks orders without contacting Waldur; with
/// <c>--use-real-backend</c> it pings the configured backend, and it never writes to it.
/// </summary>
public static class TestOrderCommand
{
    private const string Examples = """
        Examples:
          test-order --list-templates
          test-order --template create/basic.json --validate-only --var offering_uuid=d629d5e4-5567-425d-a9cd-bdc1af67b32c
          test-order --template create/with-limits.json --generate-only --var offering_uuid=d629d5e4-5567-425d-a9cd-bdc1af67b32c --var cpu_limit=2000 -o order.json
          test-order -c config.yaml --template update/limits-only.json --var new_cpu_limit=4000 --var new_mem_limit=8192
          test-order -c config.yaml --order-file order.json --use-real-backend --verbose
        """;

    /// <summary>Creates the command.</summary>
    public static Command Create(CommandServices services)
    {
        var options = new TestOrderOptions();
        var command = new Command("test-order",
            "Render order templates and check marketplace orders without contacting Waldur (reference: waldur_site_test_order). " +
            "Templates are JSON with {{ variable | filter }} values (filters: uuid4, timestamp, default(x), from_json, to_json) and " +
            "{% if name is defined %} blocks; an undefined variable is an error naming the template, line and variable. " +
            "--template with --validate-only or --generate-only needs no config; every other use needs -c. The order check " +
            "asks the backend for a ping: the mock by default (--dry-run changes nothing, the mock is the default anyway), " +
            "the configured order_processing_backend with --use-real-backend. Nothing is ever written to Waldur or the backend. " +
            "Exit status: 0 the check passed; 1 it failed, or a file, config or variable is wrong; 2 command-line error.\n\n" + Examples);
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(options.Template) is not null && result.GetValue(options.OrderFile) is not null)
            {
                result.AddError("--template and --order-file cannot be used together: test either a template or an order file");
            }
        });
        command.SetAction(async (parse, cancellation) =>
        {
            using var context = services.Context(parse, logToStandardError: true);
            return await RunAsync(context, options, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, TestOrderOptions options, CancellationToken cancellation)
    {
        var parse = context.Parse;
        var directory = parse.GetValue(options.TemplateDirectory);
        if (parse.GetValue(options.ListTemplates))
        {
            return ListTemplates(OrderTemplateSource.Open(directory), context.Output);
        }

        Dictionary<string, JsonNode?> variables;
        try
        {
            variables = TemplateVariables.Parse(parse.GetValue(options.Variables));
        }
        catch (FormatException e)
        {
            context.Error.WriteLine($"Error: {e.Message}");
            return ExitCodes.Failure;
        }

        var template = parse.GetValue(options.Template);
        if (template is not null && parse.GetValue(options.GenerateOnly))
        {
            return Generate(OrderTemplateSource.Open(directory), template, variables, parse.GetValue(options.Output), context);
        }

        if (template is not null && parse.GetValue(options.ValidateOnly))
        {
            return Print(OrderChecks.ValidateTemplate(OrderTemplateSource.Open(directory), template, variables), context, options);
        }

        var config = LoadConfig(context);
        if (config is null)
        {
            return ExitCodes.Failure;
        }

        if (parse.GetValue(options.Verbose))
        {
            context.LogDebug();
        }

        var orderFile = parse.GetValue(options.OrderFile);
        if (template is null && orderFile is null)
        {
            context.Error.WriteLine("Error: Must specify either --template or --order-file");
            return ExitCodes.Failure;
        }

        if (orderFile is not null && parse.GetValue(options.ValidateOnly))
        {
            return CheckOrderFile(orderFile, context, options);
        }

        var offering = SelectOffering(config, parse.GetValue(options.OfferingUuid), out var offeringProblem);
        if (offering is null)
        {
            return Print(TestOrderResult.Failed(offeringProblem!), context, options);
        }

        using var backends = TestOrderBackends.Create(context, config, offering, parse.GetValue(options.UseRealBackend));
        if (backends.Backend is null)
        {
            return backends.Problem is { } problem ? Print(TestOrderResult.Failed(problem), context, options) : ExitCodes.Failure;
        }

        var tester = new OrderTester(backends.Backend, context.Logging);
        var result = template is not null
            ? await tester.TestTemplateAsync(OrderTemplateSource.Open(directory), template, variables, offering, cancellation).ConfigureAwait(false)
            : await tester.TestFileAsync(orderFile!, cancellation).ConfigureAwait(false);
        return Print(result, context, options);
    }

    private static int ListTemplates(OrderTemplateSource source, TextWriter output)
    {
        var templates = source.List();
        if (templates.Count == 0)
        {
            output.WriteLine("No templates found");
            return ExitCodes.Success;
        }

        output.WriteLine("Available templates:");
        foreach (var template in templates)
        {
            output.WriteLine($"  - {template}");
        }

        return ExitCodes.Success;
    }

    private static int Generate(OrderTemplateSource source, string template, IReadOnlyDictionary<string, JsonNode?> variables, string? outputPath, CommandContext context)
    {
        string json;
        try
        {
            var rendered = OrderChecks.Render(source, template, variables);
            json = OrderJson.Indented(JsonNode.Parse(rendered) ?? throw new JsonException("the template rendered to null"));
        }
        catch (Exception e) when (e is TemplateStageException or JsonException or FileNotFoundException)
        {
            context.Error.WriteLine($"Error: Failed to generate order from template: {JsonErrorText.MessageOf(e)}");
            return ExitCodes.Failure;
        }

        if (outputPath is null)
        {
            context.Output.WriteLine(json);
            return ExitCodes.Success;
        }

        try
        {
            File.WriteAllText(outputPath, json + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"Error: Failed to generate order from template: cannot write {outputPath}: {e.Message}");
            return ExitCodes.Failure;
        }

        context.Output.WriteLine($"Generated order saved to: {outputPath}");
        return ExitCodes.Success;
    }

    private static AgentConfig? LoadConfig(CommandContext context)
    {
        if (context.Parse.GetValue(context.Options.ConfigFile) is not { } path)
        {
            context.Error.WriteLine("Error: Configuration file is required (use -c/--config)");
            return null;
        }

        if (!File.Exists(path))
        {
            context.Error.WriteLine($"Error: Configuration file not found: {path}");
            return null;
        }

        return context.LoadConfig(errorPrefix: "Error: Failed to initialize test harness: ");
    }

    private static int CheckOrderFile(string path, CommandContext context, TestOrderOptions options)
    {
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"Error: Order file not found: {path}");
            return ExitCodes.Failure;
        }

        JsonObject order;
        try
        {
            order = OrderJson.ParseObject(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"Error: Failed to load order file: {JsonErrorText.MessageOf(e)}");
            return ExitCodes.Failure;
        }

        return Print(OrderChecks.CheckStructure(order), context, options);
    }

    private static OfferingConfig? SelectOffering(AgentConfig config, string? uuid, out string? problem)
    {
        problem = null;
        if (uuid is null)
        {
            return config.Offerings.Count > 0 ? config.Offerings[0] : Fail("No offerings found in configuration", out problem);
        }

        if (!Guid.TryParse(uuid, out var wanted))
        {
            return Fail($"--offering-uuid {uuid} is not a UUID (32 hex digits, with or without dashes)", out problem);
        }

        return config.Offerings.FirstOrDefault(o => o.OfferingUuid == wanted)
               ?? Fail($"Offering with UUID {uuid} not found in configuration (offerings: {string.Join(", ", config.Offerings.Select(o => o.OfferingUuid.ToString("N")))})", out problem);
    }

    private static OfferingConfig? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }

    private static int Print(TestOrderResult result, CommandContext context, TestOrderOptions options)
    {
        if (context.Parse.GetValue(options.JsonOutput))
        {
            TestOrderResultWriter.WriteJson(result, context.Output);
        }
        else
        {
            TestOrderResultWriter.WriteText(result, context.Parse.GetValue(options.Verbose), context.Output);
        }

        return result.Success ? ExitCodes.Success : ExitCodes.Failure;
    }
}
