"""MS Project XML written the way MS Project and ProjectLibre write it, for the importer's tests."""

from __future__ import annotations

MSPDI_SAMPLE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion>
  <Name>Website.xml</Name>
  <Title>Website relaunch</Title>
  <MinutesPerDay>480</MinutesPerDay>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Website</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
    <Task>
      <UID>1</UID><ID>1</ID><Name>Design</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
      <Start>2025-03-03T08:00:00</Start><Finish>2025-03-14T17:00:00</Finish>
      <PredecessorLink><PredecessorUID>9</PredecessorUID><Type>1</Type></PredecessorLink>
    </Task>
    <Task>
      <UID>2</UID><ID>2</ID><Name>Wireframes</Name><OutlineLevel>2</OutlineLevel>
      <Start>2025-03-03T08:00:00</Start><Finish>2025-03-07T17:00:00</Finish><Duration>PT40H0M0S</Duration>
      <PercentComplete>100</PercentComplete><Notes>Mobile first.</Notes>
      <ExtendedAttribute><FieldID>188743731</FieldID><Value>x</Value></ExtendedAttribute>
    </Task>
    <Task><UID>3</UID><ID>3</ID><Name>Visual sub-phase</Name><OutlineLevel>2</OutlineLevel><Summary>1</Summary></Task>
    <Task>
      <UID>4</UID><ID>4</ID><Name>Mock-ups</Name><OutlineLevel>3</OutlineLevel>
      <Start>2025-03-10T08:00:00</Start><Duration>PT24H0M0S</Duration><PercentComplete>20</PercentComplete>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
    </Task>
    <Task>
      <UID>5</UID><ID>5</ID><Name>Style guide</Name><OutlineLevel>3</OutlineLevel>
      <Start>2025-03-10T08:00:00</Start><Finish>2025-03-12T00:00:00</Finish>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>3</Type></PredecessorLink>
    </Task>
    <Task>
      <UID>6</UID><ID>6</ID><Name>Sign-off</Name><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone>
      <Start>2025-03-17T08:00:00</Start><Finish>2025-03-17T08:00:00</Finish><Duration>PT0H0M0S</Duration>
      <ConstraintType>2</ConstraintType>
      <PredecessorLink><PredecessorUID>4</PredecessorUID><Type>1</Type><LinkLag>28800</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
      <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type></PredecessorLink>
      <PredecessorLink><PredecessorUID>77</PredecessorUID><Type>1</Type></PredecessorLink>
    </Task>
    <Task><UID>7</UID><ID>7</ID><IsNull>1</IsNull></Task>
  </Tasks>
  <Resources>
    <Resource><UID>0</UID><ID>0</ID><IsNull>0</IsNull></Resource>
    <Resource><UID>1</UID><ID>1</ID><Name>Mei</Name></Resource>
    <Resource><UID>2</UID><ID>2</ID><Name>Ola</Name></Resource>
  </Resources>
  <Assignments>
    <Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID></Assignment>
    <Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>2</ResourceUID></Assignment>
    <Assignment><UID>3</UID><TaskUID>6</TaskUID><ResourceUID>0</ResourceUID></Assignment>
  </Assignments>
</Project>
"""


def gan_with_start(start: str, duration: int = 1) -> str:
    """A one-task GanttProject file starting on ``start``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<project name="Dates"><tasks>'
        f'<task id="0" name="Far away" meeting="false" start="{start}" duration="{duration}" complete="0"/>'
        "</tasks></project>\n"
    )
