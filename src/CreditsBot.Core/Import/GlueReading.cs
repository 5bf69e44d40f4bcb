namespace CreditsBot.Core.Import;

/// <summary>
/// The cheapest reading of a glued run of pieces under the page grammar:
/// <c>(Heading{1,2} (Name (, Name)* | Name—Role (Name—Role)*))+</c>.
/// Every group of pieces costs 1; joining pieces across a glue point costs more the likelier a real break is.
/// </summary>
internal sealed class GlueReading(PageText page, string body, int bodyOffset, List<GluedPageParser.Piece> pieces, int line)
{
    private enum State { Start, Heading1, Heading2, FirstName, ListName, Role, LeadName }

    private enum Kind { Heading, Name, Role }

    private const int StateCount = 7;
    private const int MaxGroup = 10;

    private readonly record struct Step(double Cost, int From, State FromState, Kind Kind);

    public IEnumerable<PageEvent> Read()
    {
        var n = pieces.Count;
        var best = new Step?[n + 1, StateCount];
        best[0, (int)State.Start] = new Step(0, -1, State.Start, Kind.Heading);
        var furthest = 0;

        for (var i = 0; i < n; i++)
        {
            for (var s = 0; s < StateCount; s++)
            {
                if (best[i, s] is not { } here) continue;
                var state = (State)s;
                for (var j = i + 1; j <= Math.Min(n, i + MaxGroup); j++)
                {
                    foreach (var (kind, next) in Transitions(state, pieces[i].Before))
                    {
                        if (JoinCost(i, j, kind) is not { } join) continue;
                        var text = Text(i, j);
                        if (GroupCost(kind, text) is not { } groupCost) continue;
                        var cost = here.Cost + join + groupCost;
                        if (best[j, (int)next] is { } known && known.Cost <= cost) continue;
                        best[j, (int)next] = new Step(cost, i, state, kind);
                        furthest = Math.Max(furthest, j);
                    }
                }
            }
        }

        var end = new[] { State.FirstName, State.ListName, State.Role }
            .Where(s => best[n, (int)s] is not null)
            .OrderBy(s => best[n, (int)s]!.Value.Cost)
            .Cast<State?>()
            .FirstOrDefault();
        if (end is null)
        {
            var stuck = pieces[Math.Min(furthest, n - 1)];
            var near = body[stuck.Start..Math.Min(body.Length, stuck.Start + 60)];
            page.Problem(bodyOffset + stuck.Start, near, "cannot read the credits here: expected a heading followed by names, or names with roles");
            return [];
        }

        var groups = new List<(Kind Kind, string Text)>();
        var (at, atState) = (n, end.Value);
        while (at > 0)
        {
            var step = best[at, (int)atState]!.Value;
            groups.Add((step.Kind, Text(step.From, at)));
            (at, atState) = (step.From, step.FromState);
        }

        groups.Reverse();
        return ToEvents(groups);
    }

    private IEnumerable<PageEvent> ToEvents(List<(Kind Kind, string Text)> groups)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            var (kind, text) = groups[g];
            switch (kind)
            {
                case Kind.Heading:
                    // Two headings in a row: the first opens an area, the second a section in it.
                    var nextIsHeading = g + 1 < groups.Count && groups[g + 1].Kind == Kind.Heading;
                    yield return nextIsHeading ? new AreaHeading(text, line) : new Heading(text, line);
                    break;
                case Kind.Name when g + 1 < groups.Count && groups[g + 1].Kind == Kind.Role:
                    yield return new CreditRead(text, groups[g + 1].Text, line);
                    break;
                case Kind.Name:
                    // The last item of a list may join two names: "…, Yuki Tanaka and Sam Lee".
                    foreach (var name in TextShape.NamesIn(text))
                        yield return new CreditRead(name, null, line);
                    break;
            }
        }
    }

    private static IEnumerable<(Kind, State)> Transitions(State state, GluedPageParser.Separator before)
    {
        var glued = before is GluedPageParser.Separator.StrongGlue or GluedPageParser.Separator.WeakGlue;
        switch (state)
        {
            case State.Start:
                yield return (Kind.Heading, State.Heading1);
                break;
            case State.Heading1 when glued:
                yield return (Kind.Heading, State.Heading2);
                yield return (Kind.Name, State.FirstName);
                break;
            case State.Heading2 when glued:
                yield return (Kind.Name, State.FirstName);
                break;
            case State.FirstName or State.ListName when before == GluedPageParser.Separator.Comma:
                yield return (Kind.Name, State.ListName);
                break;
            case State.FirstName or State.LeadName when before == GluedPageParser.Separator.Dash:
                yield return (Kind.Role, State.Role);
                break;
            case State.FirstName or State.ListName when glued:
                yield return (Kind.Heading, State.Heading1);
                break;
            case State.Role when glued:
                yield return (Kind.Name, State.LeadName);
                yield return (Kind.Heading, State.Heading1);
                break;
        }
    }

    /// <summary>The cost of joining pieces i..j-1 into one group, or null when the group may not span them.</summary>
    private double? JoinCost(int i, int j, Kind kind)
    {
        var cost = 0.0;
        for (var k = i + 1; k < j; k++)
        {
            var piece = pieces[k];
            switch (piece.Before)
            {
                case GluedPageParser.Separator.Dash:
                    return null;
                case GluedPageParser.Separator.Comma when kind == Kind.Name:
                    return null;
                case GluedPageParser.Separator.Comma:
                    // Titles continue after a comma in lower case ("Contracting, revenue, pricing …"); roles may go on in capitals.
                    // A role goes on after a comma unless a name follows ("Overall lead, optimization lead").
                    var continues = kind == Kind.Role
                        ? !TextShape.IsPlausibleName(body[piece.Start..piece.End])
                        : char.IsLower(body[piece.Start]);
                    cost += continues ? 0.1 : 2;
                    break;
                case GluedPageParser.Separator.WeakGlue:
                    // Inside a word an acronym is cheap to join ("OpenAI", "ChatML"); after a whole name it is a break ("Lindqvist|GPU 4").
                    cost += TextShape.Words(body[pieces[i].Start..piece.Start]).Length >= 2 && TextShape.IsPlausibleName(body[pieces[i].Start..piece.Start]) ? 1.5 : 0.1;
                    break;
                case GluedPageParser.Separator.StrongGlue:
                    cost += 3;
                    break;
            }
        }

        return cost;
    }

    /// <summary>
    /// Every group costs 1. A one-word name and a heading that looks like a name cost more; a heading that is a
    /// name this page lists elsewhere (between commas, or before a role) costs more still; a name with a word that
    /// titles and roles use ("Core Infrastructure") costs a little more than one without.
    /// </summary>
    private double? GroupCost(Kind kind, string text) => kind switch
    {
        Kind.Name => TextShape.IsPlausibleName(text)
            ? 1 + (TextShape.Words(text).Length == 1 ? 0.5 : 0) + (TextShape.HasTitleWord(text) ? 0.3 : 0)
            : TextShape.NamesIn(text).Count > 1 ? 1.2 : null,
        Kind.Heading => TextShape.IsPlausibleHeading(text)
            ? 1 + (TextShape.IsPlausibleName(text) ? 0.5 : 0) + (ListedNames.Contains(text) ? 1 : 0)
            : null,
        _ => TextShape.IsPlausibleRole(text) ? 1 : null,
    };

    /// <summary>The texts that stand between commas or before a name–role dash: names, almost surely.</summary>
    private HashSet<string> ListedNames => listedNames ??= pieces
        .Where((p, k) => p.Before == GluedPageParser.Separator.Comma ||
                         (k + 1 < pieces.Count && pieces[k + 1].Before is GluedPageParser.Separator.Comma or GluedPageParser.Separator.Dash))
        .Select(p => body[p.Start..p.End].Trim())
        .Where(t => TextShape.IsPlausibleName(t))
        .ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? listedNames;

    /// <summary>The text of pieces i..j-1 as the page wrote it (separators included), trimmed.</summary>
    private string Text(int i, int j) => body[pieces[i].Start..pieces[j - 1].End].Trim();
}
