using KubeRaya.Conformance.Controls;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KubeRaya.Conformance.Calibration;

/// <summary>
/// Loads the calibration faults from <c>fixtures/calibration/*.yaml</c>, one fault per file, strictly: an unknown
/// key, a missing field, a name that differs from the file name, an unknown harness fault or a control ID that is
/// not a core control of the catalogue is an error naming the file. Platform fault names are checked by the caller,
/// which knows the reference platform.
/// </summary>
public static class CalibrationFixtures
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Every fault in the folder, by name.</summary>
    public static IReadOnlyList<CalibrationFault> Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new CalibrationFixtureException($"no calibration fixtures at {directory}");
        var faults = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(LoadFile).ToList();
        if (faults.Count == 0) throw new CalibrationFixtureException($"{directory} holds no calibration fixture (*.yaml)");
        return faults;
    }

    /// <summary>One fixture file.</summary>
    public static CalibrationFault LoadFile(string path)
    {
        var file = Path.GetFileName(path);
        Document? document;
        try
        {
            document = Yaml.Deserialize<Document>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new CalibrationFixtureException($"{file}: {e.Message}", e);
        }
        if (document is null) throw new CalibrationFixtureException($"{file} is empty");
        string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw new CalibrationFixtureException($"{file}: '{field}' is missing") : value.Trim();
        IReadOnlyList<string> RequiredList(List<string>? values, string field) =>
            values is { Count: > 0 } && values.All(v => !string.IsNullOrWhiteSpace(v))
                ? values.Select(v => v.Trim()).ToList()
                : throw new CalibrationFixtureException($"{file}: '{field}' must list at least one non-empty entry");

        var name = Required(document.Name, "name");
        if (name != Path.GetFileNameWithoutExtension(path))
            throw new CalibrationFixtureException($"{file}: name '{name}' differs from the file name");
        if (!Enum.TryParse<CalibrationFaultKind>(Required(document.Kind, "kind"), ignoreCase: true, out var kind))
            throw new CalibrationFixtureException($"{file}: kind '{document.Kind}' is not one of platform, certificate, object");
        var switches = RequiredList(document.Switches, "switches");
        foreach (var harness in switches.Where(HarnessFaultCatalogue.IsHarnessName))
        {
            if (!HarnessFaultCatalogue.TryParse(harness, out _))
                throw new CalibrationFixtureException($"{file}: switch '{harness}' is no harness fault; known: {string.Join(", ", HarnessFaultCatalogue.All.Select(f => f.Name))}");
        }
        var expected = document.Expected ?? [];
        foreach (var id in expected)
        {
            if (!ControlCatalogue.Contains(id) || ControlCatalogue.Get(id).Profile != Profile.Core)
                throw new CalibrationFixtureException($"{file}: expected control '{id}' is not a core control of the catalogue");
        }
        return new CalibrationFault
        {
            Name = name,
            Kind = kind,
            Guidance = RequiredList(document.Guidance, "guidance"),
            Mistake = Required(document.Mistake, "mistake"),
            Switches = switches,
            Expected = RequiredList(expected, "expected").Distinct(StringComparer.Ordinal).ToList(),
            Collateral = string.IsNullOrWhiteSpace(document.Collateral) ? null : document.Collateral.Trim(),
        };
    }

    /// <summary>The file's shape, as YamlDotNet fills it.</summary>
    private sealed class Document
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public List<string>? Guidance { get; set; }
        public string? Mistake { get; set; }
        public List<string>? Switches { get; set; }
        public List<string>? Expected { get; set; }
        public string? Collateral { get; set; }
    }
}
