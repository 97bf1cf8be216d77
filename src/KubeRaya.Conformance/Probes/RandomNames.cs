using System.Text;
using Bogus;

namespace KubeRaya.Conformance.Probes;

/// <summary>Random words and labels (Bogus), safe to call from many threads at once.</summary>
internal static class RandomNames
{
    private static readonly ThreadLocal<Faker> Fakers = new(() => new Faker("en"));

    /// <summary>A lower-case word of letters a-z, e.g. "dolor".</summary>
    public static string Word()
    {
        var faker = Fakers.Value!;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var word = Letters(faker.Lorem.Word());
            if (word.Length >= 3) return word;
        }

        return faker.Random.String2(6, "abcdefghijklmnopqrstuvwxyz");
    }

    /// <summary>A DNS label "kr-&lt;word&gt;-&lt;6 random characters&gt;", unique enough for one run.</summary>
    public static string Label() => $"kr-{Word()}-{Fakers.Value!.Random.String2(6, "abcdefghijklmnopqrstuvwxyz0123456789")}";

    private static string Letters(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z') letters.Append(c);
        }

        return letters.ToString();
    }
}
