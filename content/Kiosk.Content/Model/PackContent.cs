namespace Kiosk.Content.Model;

/// <summary>Everything a pack carries besides fonts: its identity and its cases, in home-screen order.</summary>
public sealed record PackContent(string Id, string Version, string Title, IReadOnlyList<CaseStudy> Cases)
{
    public CaseStudy? FindCase(string id) => Cases.FirstOrDefault(c => c.Id == id);
}
