namespace AiEngineer.Web.Pages.My.Agenda;

/// <summary>Marker for the personal agenda's strings (AgendaText.resx): the star buttons, /my/agenda and its calendar link.</summary>
public sealed class AgendaText;
