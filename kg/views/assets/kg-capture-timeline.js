// the timeline's DataSet must not replace the network's (see kg-capture-network.js)
window.kgVis=window.kgVis||{};window.kgVis.timeline={Timeline:vis.Timeline,DataSet:vis.DataSet,DataView:vis.DataView};
