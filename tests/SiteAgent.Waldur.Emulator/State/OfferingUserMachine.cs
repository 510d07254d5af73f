using SiteAgent.Waldur.Emulator.Http;
using static SiteAgent.Waldur.Emulator.State.OfferingUserStates;

namespace SiteAgent.Waldur.Emulator.State;

/// <summary>The offering-user FSM of Waldur's OfferingUser model (django-fsm sources and targets copied).</summary>
/// <remarks>
/// A transition from a state outside its sources answers 409 like a StateValidator. Writing a non-empty,
/// changed username moves Requested/Creating/pending/Error creating users to OK (the model's save()).
/// </remarks>
public static class OfferingUserMachine
{
    public static void BeginCreating(EmulatorState state, OfferingUser user) =>
        Move(state, user, Creating, Requested, ErrorCreating);

    public static void SetPendingAccountLinking(EmulatorState state, OfferingUser user, string? comment, string? url)
    {
        Move(state, user, PendingAccountLinking, Creating, ErrorCreating, PendingAdditionalValidation);
        SetComment(user, comment, url);
    }

    public static void SetPendingAdditionalValidation(EmulatorState state, OfferingUser user, string? comment, string? url)
    {
        Move(state, user, PendingAdditionalValidation, Creating, ErrorCreating, PendingAccountLinking);
        SetComment(user, comment, url);
    }

    public static void SetValidationComplete(EmulatorState state, OfferingUser user)
    {
        Move(state, user, Ok, PendingAdditionalValidation, PendingAccountLinking);
        user.ServiceProviderComment = user.ServiceProviderCommentUrl = "";
    }

    public static void SetErrorCreating(EmulatorState state, OfferingUser user) =>
        Move(state, user, ErrorCreating, Requested, Creating, PendingAccountLinking, PendingAdditionalValidation);

    /// <summary>Stores a username; a new non-empty one completes creation.</summary>
    public static void SetUsername(EmulatorState state, OfferingUser user, string? username)
    {
        var changed = username != user.Username;
        user.Username = username;
        if (changed && !string.IsNullOrEmpty(username) && user.State is Requested or Creating or PendingAccountLinking or PendingAdditionalValidation or ErrorCreating)
            user.State = Ok;
        state.Touch(user);
    }

    private static void Move(EmulatorState state, OfferingUser user, string target, params string[] sources)
    {
        if (!sources.Contains(user.State)) throw ApiError.InvalidState(sources);
        user.State = target;
        state.Touch(user);
    }

    private static void SetComment(OfferingUser user, string? comment, string? url)
    {
        if (comment is not null) user.ServiceProviderComment = comment;
        if (url is not null) user.ServiceProviderCommentUrl = url;
    }
}
