using SiteAgent.Backends.Model;
using SiteAgent.Backends.Settings;

namespace SiteAgent.Core.Config;

/// <summary>Reads <c>backend_components</c>.</summary>
internal static class ComponentsReader
{
    /// <summary>Reads the components of one offering, in file order.</summary>
    public static IReadOnlyList<ComponentDefinition> Read(SettingsReader offering)
    {
        var section = offering.Section("backend_components");
        if (section is null)
        {
            return [];
        }

        var components = new List<ComponentDefinition>();
        foreach (var entry in section.Mapping.Entries)
        {
            section.Accept(entry.Key);
            if (entry.Value is not ConfigMapping mapping)
            {
                section.Problems.Error(entry.Value, $"expected a mapping with measured_unit, accounting_type and label, got {entry.Value.KindName}");
                continue;
            }

            components.Add(ReadOne(entry.Key, new SettingsReader(mapping, section.Problems)));
        }

        return components;
    }

    private static ComponentDefinition ReadOne(string type, SettingsReader reader)
    {
        var accountingText = reader.Choice("accounting_type", AccountingTypeNames.All);
        if (accountingText is null && !reader.Has("accounting_type"))
        {
            reader.Problems.Error(reader.ChildPath("accounting_type"), "field required (one of usage, limit, one)", reader.Mapping.Location);
        }

        var component = new ComponentDefinition
        {
            Type = type,
            MeasuredUnit = reader.RequiredString("measured_unit"),
            AccountingType = AccountingTypeNames.Parse(accountingText) ?? AccountingType.Usage,
            Label = reader.RequiredString("label"),
            UnitFactor = reader.Number("unit_factor", min: 0m, minExclusive: true) ?? 1m,
            UnitFactorReporting = reader.Number("unit_factor_reporting", min: 0m, minExclusive: true),
            Limit = reader.Number("limit", min: 0m),
            TargetComponents = ReadTargets(reader),
            WaldurFields = ReadWaldurFields(reader),
        };
        reader.ReportUnknownKeys();
        return component;
    }

    private static IReadOnlyList<TargetComponent> ReadTargets(SettingsReader reader)
    {
        var targets = reader.Section("target_components");
        if (targets is null)
        {
            return [];
        }

        var result = new List<TargetComponent>();
        foreach (var entry in targets.Mapping.Entries)
        {
            targets.Accept(entry.Key);
            var factor = 1m;
            switch (entry.Value)
            {
                case ConfigScalar { Value: null }:
                    break;
                case ConfigMapping mapping:
                    var target = new SettingsReader(mapping, reader.Problems);
                    factor = target.Number("factor", min: 0m, minExclusive: true) ?? 1m;
                    target.ReportUnknownKeys();
                    break;
                default:
                    reader.Problems.Error(entry.Value, $"expected a mapping like {{factor: 2.0}}, got {entry.Value.KindName}");
                    break;
            }

            result.Add(new TargetComponent(entry.Key, factor));
        }

        return result;
    }

    private static WaldurComponentFields ReadWaldurFields(SettingsReader reader) => new()
    {
        Description = reader.String("description"),
        MinValue = reader.Integer("min_value"),
        MaxValue = reader.Integer("max_value"),
        MaxAvailableLimit = reader.Integer("max_available_limit"),
        DefaultLimit = reader.Integer("default_limit"),
        LimitPeriod = reader.Choice("limit_period", LimitPeriods.All),
        ArticleCode = reader.String("article_code"),
        IsBoolean = reader.Boolean("is_boolean"),
        IsPrepaid = reader.Boolean("is_prepaid"),
        MinPrepaidDuration = reader.Integer("min_prepaid_duration", 0),
        MaxPrepaidDuration = reader.Integer("max_prepaid_duration", 0),
        PrepaidDurationStep = reader.Integer("prepaid_duration_step", 0),
        MinRenewalDuration = reader.Integer("min_renewal_duration", 0),
        MaxRenewalDuration = reader.Integer("max_renewal_duration", 0),
        RenewalDurationStep = reader.Integer("renewal_duration_step", 0),
    };
}
