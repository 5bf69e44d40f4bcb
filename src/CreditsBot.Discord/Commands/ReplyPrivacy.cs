using System.Numerics;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// Who may see an answer. Asked-for privacy always wins. Where the app is only user-installed in a server (no
/// bot there: <c>authorizing_integration_owners</c> has a user key and no guild key), an answer is private unless
/// the user asked for a public one and may post it (Send Messages and Use External Apps); elsewhere it is public
/// unless the command is private by default.
/// </summary>
public static class ReplyPrivacy
{
    private const int SendMessages = 11;
    private const int UseExternalApps = 50;
    private const string GuildInstallKey = "0";
    private const string UserInstallKey = "1";

    public static bool IsPrivate(Interaction interaction, bool? asked, bool privateByDefault)
    {
        if (asked == true)
            return true;
        if (IsUserInstalledOnlyInGuild(interaction))
            return asked != false || !MayPostPublicly(interaction);
        return asked is null && privateByDefault;
    }

    /// <summary>Whether "Post in channel" may post here.</summary>
    public static bool MayPost(Interaction interaction) =>
        !IsUserInstalledOnlyInGuild(interaction) || MayPostPublicly(interaction);

    public static bool IsUserInstalledOnlyInGuild(Interaction interaction)
    {
        var owners = interaction.AuthorizingIntegrationOwners;
        var inGuild = interaction.Context == InstallContexts.Guild || (interaction.Context is null && interaction.GuildId is not null);
        return inGuild && owners is not null && owners.ContainsKey(UserInstallKey) && !owners.ContainsKey(GuildInstallKey);
    }

    /// <summary>The user's permissions in the channel (<c>member.permissions</c>) allow a public answer from an external app.</summary>
    private static bool MayPostPublicly(Interaction interaction) =>
        BigInteger.TryParse(interaction.Member?.Permissions, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
        && !(bits >> SendMessages).IsEven && !(bits >> UseExternalApps).IsEven;
}
