using System.Text;
using System.Text.Encodings.Web;
using Fluid;

namespace KubeRaya.Conformance.Reporting;

/// <summary>
/// <c>index.html</c>: a self-contained page for auditors (inline CSS, images embedded, no script, no external
/// asset; a Content-Security-Policy forbids loading anything). Laid out by a Liquid template
/// (<c>Templates/index.html.liquid</c>) rendered with Fluid and HTML encoding, so every value — most of all what
/// servers under test sent — is shown as text and never interpreted as markup.
/// </summary>
public static class HtmlReport
{
    /// <summary>The file name inside the bundle.</summary>
    public const string FileName = "index.html";

    private static readonly Lazy<IFluidTemplate> Template = new(() => LiquidTemplates.Load("index.html.liquid"));
    private static readonly TemplateOptions Options = CreateOptions();

    /// <summary>Renders the view as UTF-8 HTML.</summary>
    public static byte[] Render(ReportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var context = new TemplateContext(view, Options);
        return Encoding.UTF8.GetBytes(Template.Value.Render(context, HtmlEncoder.Default));
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.Register<ReportView>();
        options.MemberAccessStrategy.Register<NameValueView>();
        options.MemberAccessStrategy.Register<CountsView>();
        options.MemberAccessStrategy.Register<ProfileView>();
        options.MemberAccessStrategy.Register<MatrixRowView>();
        options.MemberAccessStrategy.Register<MatrixCellView>();
        options.MemberAccessStrategy.Register<ControlView>();
        options.MemberAccessStrategy.Register<ResultView>();
        options.MemberAccessStrategy.Register<ScenarioView>();
        options.MemberAccessStrategy.Register<EvidenceView>();
        options.MemberAccessStrategy.Register<EvidenceFact>();
        options.MemberAccessStrategy.Register<EvidenceImage>();
        return options;
    }
}
