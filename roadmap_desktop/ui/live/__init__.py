"""File > Share Live… and Join Live…: the live session, its dialogs and the presence panel."""
